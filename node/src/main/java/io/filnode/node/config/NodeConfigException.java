package io.filnode.node.config;

/** {@code config.toml} cannot be read: bad TOML, an unknown key, a wrong type or a bad value. */
public final class NodeConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public NodeConfigException(String message) {
    super(message);
  }

  public NodeConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
