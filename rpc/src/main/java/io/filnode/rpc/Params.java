package io.filnode.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The parameter list of a method: its arity and the type each positional parameter decodes to (with
 * the server's Lotus JSON mapper). A call with another count, or a parameter that does not decode,
 * is answered with {@link RpcErrors#INVALID_PARAMS} before the method runs.
 */
public final class Params {
  private static final TypeFactory TYPES = TypeFactory.defaultInstance();
  private static final Params NONE = new Params(List.of());

  private final List<JavaType> types;

  private Params(List<JavaType> types) {
    this.types = Collections.unmodifiableList(new ArrayList<>(types));
  }

  /** No parameters. */
  public static Params none() {
    return NONE;
  }

  /** Parameters of these classes. */
  public static Params of(Class<?>... classes) {
    return new Params(Arrays.stream(classes).map(TYPES::constructType).toList());
  }

  /** Parameters of these (possibly generic) types. */
  public static Params of(JavaType... javaTypes) {
    return new Params(Arrays.asList(javaTypes));
  }

  /**
   * A generic type for {@link #of(JavaType...)}: {@code Params.type(new TypeReference<List<Cid>>()
   * {})}.
   */
  public static JavaType type(TypeReference<?> ref) {
    return TYPES.constructType(ref);
  }

  /** {@code n} parameters passed as undecoded {@link JsonNode}s. */
  public static Params raw(int n) {
    JavaType[] t = new JavaType[n];
    Arrays.fill(t, TYPES.constructType(JsonNode.class));
    return of(t);
  }

  /** The declared types, in order. */
  public List<JavaType> types() {
    return types;
  }

  /** The arity. */
  public int count() {
    return types.size();
  }
}
