package io.filnode.node.cli;

import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one line on stderr and exit status 1: users see
 * what went wrong, not a stack trace. {@code FILNODE_DEBUG=1} prints the trace as well.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + msg);
    if (System.getenv("FILNODE_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    return 1;
  }
}
