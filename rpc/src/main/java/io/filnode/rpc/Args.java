package io.filnode.rpc;

import java.util.Arrays;

/**
 * A call's parameters, already decoded to the types the method declared with {@link Params} (a
 * {@link com.fasterxml.jackson.databind.JsonNode} for a raw parameter).
 */
public final class Args {
  private final Object[] values;

  public Args(Object... values) {
    this.values = values.clone();
  }

  /** How many parameters there are. */
  public int size() {
    return values.length;
  }

  /** Parameter {@code i} as {@code type} (the type it was declared with, or a supertype). */
  public <T> T get(int i, Class<T> type) {
    return type.cast(values[i]);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
