package org.cyberbaseline.validator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A kind of check that rules in a pack name by {@link #name()} and parameterise. Implementations
 * are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.cyberbaseline.validator.spi.CheckType} to add one without forking.
 *
 * <p>Implementations must be stateless (or immutable) and thread-safe: one instance serves every
 * rule that names it, in every validation, possibly concurrently.
 */
public interface CheckType {

  /** Dotted lower-case name used in packs, e.g. {@code sbom.component-element}. */
  String name();

  /**
   * Rejects parameters this check cannot use, when the validator is built (not halfway through a
   * run).
   *
   * @throws IllegalArgumentException with a message naming the bad parameter
   */
  default void checkParameters(ObjectNode params) {}

  /** Decides the rule for one submission. Must not throw for any input document. */
  Evaluation evaluate(CheckContext context);
}
