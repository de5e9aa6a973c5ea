package io.filnode.actors.runtime;

/**
 * Exit codes of a message or an actor call, as go-state-types {@code exitcode}: 0 is success, 1–15
 * are system errors raised by the VM, 16–31 are common actor errors and 32 up are actor-specific.
 */
public final class ExitCode {
  public static final int OK = 0;
  public static final int SYS_ERR_SENDER_INVALID = 1;
  public static final int SYS_ERR_SENDER_STATE_INVALID = 2;
  public static final int SYS_ERR_INVALID_METHOD = 3;
  public static final int SYS_ERR_RESERVED_1 = 4;
  public static final int SYS_ERR_INVALID_RECEIVER = 5;
  public static final int SYS_ERR_INSUFFICIENT_FUNDS = 6;
  public static final int SYS_ERR_OUT_OF_GAS = 7;
  public static final int SYS_ERR_FORBIDDEN = 8;
  public static final int SYS_ERR_ILLEGAL_ACTOR = 9;
  public static final int SYS_ERR_ILLEGAL_ARGUMENT = 10;
  public static final int SYS_ERR_RESERVED_2 = 11;
  public static final int SYS_ERR_RESERVED_3 = 12;
  public static final int SYS_ERR_RESERVED_4 = 13;
  public static final int SYS_ERR_RESERVED_5 = 14;
  public static final int SYS_ERR_RESERVED_6 = 15;

  public static final int ERR_ILLEGAL_ARGUMENT = 16;
  public static final int ERR_NOT_FOUND = 17;
  public static final int ERR_FORBIDDEN = 18;
  public static final int ERR_INSUFFICIENT_FUNDS = 19;
  public static final int ERR_ILLEGAL_STATE = 20;
  public static final int ERR_SERIALIZATION = 21;

  public static final int FIRST_ACTOR_SPECIFIC_EXIT_CODE = 32;

  /** Used by specs-actors where a proper code was still to be chosen. */
  public static final int ERR_PLACEHOLDER = 1000;

  private static final String[] NAMES = {
    "Ok",
    "SysErrSenderInvalid",
    "SysErrSenderStateInvalid",
    "SysErrInvalidMethod",
    "SysErrReserved1",
    "SysErrInvalidReceiver",
    "SysErrInsufficientFunds",
    "SysErrOutOfGas",
    "SysErrForbidden",
    "SysErrorIllegalActor",
    "SysErrorIllegalArgument",
    "SysErrReserved2",
    "SysErrReserved3",
    "SysErrReserved4",
    "SysErrReserved5",
    "SysErrReserved6",
    "ErrIllegalArgument",
    "ErrNotFound",
    "ErrForbidden",
    "ErrInsufficientFunds",
    "ErrIllegalState",
    "ErrSerialization"
  };

  private ExitCode() {}

  /** True for the codes the VM itself raises (1–15). */
  public static boolean isSystemError(int code) {
    return code > 0 && code < ERR_ILLEGAL_ARGUMENT;
  }

  /** The name go-state-types prints, or {@code ExitCode(n)} for actor-specific codes. */
  public static String name(int code) {
    if (code >= 0 && code < NAMES.length) {
      return NAMES[code];
    }
    if (code == ERR_PLACEHOLDER) {
      return "ErrPlaceholder";
    }
    return "ExitCode(" + code + ")";
  }
}
