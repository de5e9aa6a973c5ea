package io.filnode.chain.blockstore;

/**
 * The storage underneath a blockstore failed (disk full, corrupt database, I/O error, store
 * closed). Unchecked: it is never caused by bad input, and callers cannot repair it. The message
 * names the operation and the database path.
 */
public final class BlockstoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockstoreException(String message) {
    super(message);
  }

  public BlockstoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
