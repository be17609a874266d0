package org.cyberbaseline.validator.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.cyberbaseline.validator.spi.CheckType;

/** The check types visible through {@link ServiceLoader}, by name. */
public final class CheckRegistry {
  private final Map<String, CheckType> byName;

  private CheckRegistry(Map<String, CheckType> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static CheckRegistry load(ClassLoader classLoader) {
    Map<String, CheckType> found = new TreeMap<>();
    for (CheckType type : ServiceLoader.load(CheckType.class, classLoader)) {
      CheckType previous = found.putIfAbsent(type.name(), type);
      if (previous != null && previous.getClass() != type.getClass()) {
        throw new IllegalStateException(
            "two check types are named '" + type.name() + "': " + previous.getClass().getName()
                + " and " + type.getClass().getName());
      }
    }
    return new CheckRegistry(found);
  }

  public Optional<CheckType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Map<String, CheckType> all() {
    return byName;
  }
}
