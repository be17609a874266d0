package org.cyberbaseline.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.tagvaluestore.TagValueStore;

/**
 * The SPDX reference point: java-spdx-library's own deserialisation into its in-memory store and
 * {@code SpdxDocument.verify()}, offline (bundled licence list), as the library's users run it.
 */
final class SpdxLibrary {
  static {
    // Offline: the bundled licence list, never spdx.org (same setting the sbom-model uses).
    System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
    SpdxModelFactory.init();
    ListedLicenses.resetListedLicenses();
  }

  private SpdxLibrary() {}

  /** Returns the verification messages (empty for a conformant document). */
  static synchronized List<String> deserializeAndVerify(byte[] content, boolean tagValue) throws Exception {
    InMemSpdxStore base = new InMemSpdxStore();
    try (InputStream in = new ByteArrayInputStream(content)) {
      SpdxDocument document =
          tagValue
              ? new TagValueStore(base).deSerialize(in, false)
              : new MultiFormatStore(base, MultiFormatStore.Format.JSON).deSerialize(in, false);
      return document.verify();
    } finally {
      base.clear();
    }
  }
}
