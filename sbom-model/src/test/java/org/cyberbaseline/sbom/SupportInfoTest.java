package org.cyberbaseline.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportInfoTest {
  private static Component only(String componentJson) {
    String doc = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[" + componentJson + "]}";
    SbomReadResult read = new SbomReader().read(doc.getBytes(StandardCharsets.UTF_8));
    return ((SbomReadResult.Parsed) read).sbom().components().get(0);
  }

  @Test
  void fdaTaxonomyPropertiesAreRead() {
    Component c = only("""
        {"type":"library","name":"busybox","version":"1.36.1",
         "manufacturer":{"name":"BusyBox project"},"scope":"required",
         "externalReferences":[{"type":"vcs","url":"https://git.busybox.net/busybox"}],
         "properties":[{"name":"cdx:fda:level-of-support","value":"actively maintained"},
                       {"name":"cdx:fda:end-of-support-date","value":"2028-12-31"},
                       {"name":"cdx:lifecycle:milestone:endOfSupport","value":"2027-01-01"},
                       {"name":"cdx:fda:justification","value":"end-of-life-date: not announced"}]}""");
    assertEquals(Optional.of("actively maintained"), c.support().levelOfSupport());
    assertEquals(Optional.of("2028-12-31"), c.support().endOfSupport(), "the FDA property wins over the milestone");
    assertEquals(Optional.empty(), c.support().endOfLife());
    assertEquals(List.of("end-of-life-date: not announced"), c.support().justifications());
    assertEquals(Optional.of("BusyBox project"), c.manufacturer());
    assertEquals(Optional.of("required"), c.scope());
    assertEquals(List.of(new ExternalReference("vcs", "https://git.busybox.net/busybox", "/components/0/externalReferences/0")),
        c.externalReferences());
  }

  @Test
  void lifecycleMilestonesAreTheFallback() {
    Component c = only("""
        {"type":"library","name":"x","properties":[{"name":"cdx:lifecycle:milestone:endOfSupport","value":"2027-01-01"},
          {"name":"cdx:lifecycle:milestone:endOfLife","value":"2028-01-01"}]}""");
    assertEquals(Optional.of("2027-01-01"), c.support().endOfSupport());
    assertEquals(Optional.of("2028-01-01"), c.support().endOfLife());
    assertEquals(Optional.empty(), c.support().levelOfSupport());
  }

  @Test
  void noPropertiesMeansNoSupportData() {
    assertEquals(SupportInfo.NONE, only("{\"type\":\"library\",\"name\":\"x\"}").support());
  }
}
