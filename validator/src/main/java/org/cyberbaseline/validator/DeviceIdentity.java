package org.cyberbaseline.validator;

import java.util.Objects;
import java.util.Optional;

/** Who the device is, as the submission manifest declares it. */
public record DeviceIdentity(
    String manufacturer,
    String deviceName,
    String model,
    String softwareVersion,
    Optional<Boolean> cyberDevice,
    Optional<String> pathway) {
  public DeviceIdentity {
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(cyberDevice, "cyberDevice");
    Objects.requireNonNull(pathway, "pathway");
  }
}
