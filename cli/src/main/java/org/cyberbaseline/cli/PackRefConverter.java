package org.cyberbaseline.cli;

import org.cyberbaseline.rules.PackRef;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code ID@VERSION}; a malformed value is a usage error naming the expected form. */
final class PackRefConverter implements ITypeConverter<PackRef> {
  @Override
  public PackRef convert(String value) {
    try {
      return PackRef.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage() + " (expected ID@VERSION, e.g. ntia-sbom@2021)");
    }
  }
}
