package io.filnode.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The four Lotus API permissions, weakest first. A caller may invoke a method when its allow list
 * (a JWT's {@code Allow}, or {@code ["read"]} without a token) contains the method's permission: as
 * in go-jsonrpc's {@code auth.HasPerm}, this is membership, not an ordering. Tokens made for a
 * level list every level up to it ({@link #upTo}), as {@code lotus auth create-token --perm} does,
 * which is what makes admin ⊃ sign ⊃ write ⊃ read hold in practice.
 */
public enum Permission {
  READ,
  WRITE,
  SIGN,
  ADMIN;

  /** The name on the wire ({@code "read"}). */
  public String lotusName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The permission named {@code name} on the wire, or null when it is not one of the four. */
  public static Permission fromLotusName(String name) {
    for (Permission p : values()) {
      if (p.lotusName().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** Every permission from read up to and including {@code top}, as Lotus's token creation does. */
  public static List<Permission> upTo(Permission top) {
    List<Permission> out = new ArrayList<>();
    for (Permission p : values()) {
      out.add(p);
      if (p == top) {
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Whether an allow list (wire names; unknown names are ignored) grants this permission. */
  public boolean grantedBy(List<String> allow) {
    return allow.contains(lotusName());
  }
}
