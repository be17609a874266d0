package org.cyberbaseline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.cyberbaseline.bench.SyntheticSbom.Edge;
import org.cyberbaseline.bench.SyntheticSbom.SyntheticComponent;

/** SPDX 2.3 tag-value of the same content as the CycloneDX documents (see {@link Spdx}). */
public final class SpdxTagValueWriter implements SbomWriter {
  @Override
  public String extension() {
    return ".spdx";
  }

  @Override
  public void write(SyntheticSbom sbom, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    tag(w, "SPDXVersion", "SPDX-2.3");
    tag(w, "DataLicense", "CC0-1.0");
    tag(w, "SPDXID", Spdx.DOCUMENT);
    tag(w, "DocumentName", Spdx.documentName());
    tag(w, "DocumentNamespace", Spdx.namespace(sbom));
    tag(w, "Creator", Spdx.ORGANIZATION);
    tag(w, "Creator", Spdx.PERSON);
    tag(w, "Creator", Spdx.TOOL);
    tag(w, "Created", sbom.timestamp());
    w.write('\n');
    tag(w, "LicenseID", Spdx.PROPRIETARY);
    tag(w, "ExtractedText", "<text>" + Spdx.PROPRIETARY_TEXT + "</text>");
    tag(w, "LicenseName", "Proprietary");
    w.write('\n');
    spdxPackage(w, sbom.primary());
    for (SyntheticComponent c : sbom.components()) {
      spdxPackage(w, c);
    }
    tag(w, "Relationship", Spdx.DOCUMENT + " DESCRIBES " + Spdx.id(sbom.primary().ref()));
    for (Edge edge : sbom.dependencies()) {
      for (String target : edge.dependsOn()) {
        tag(w, "Relationship", Spdx.id(edge.ref()) + " DEPENDS_ON " + Spdx.id(target));
      }
    }
    w.flush();
  }

  private static void spdxPackage(Writer w, SyntheticComponent c) throws IOException {
    tag(w, "PackageName", c.name());
    tag(w, "SPDXID", Spdx.id(c.ref()));
    tag(w, "PackageVersion", c.version());
    if (c.supplier().isPresent()) {
      tag(w, "PackageSupplier", Spdx.supplier(c));
    }
    tag(w, "PackageDownloadLocation", "NOASSERTION");
    tag(w, "FilesAnalyzed", "false");
    if (c.sha256().isPresent()) {
      tag(w, "PackageChecksum", "SHA256: " + c.sha256().get());
    }
    if (c.sha1().isPresent()) {
      tag(w, "PackageChecksum", "SHA1: " + c.sha1().get());
    }
    tag(w, "PackageLicenseConcluded", "NOASSERTION");
    tag(w, "PackageLicenseDeclared", Spdx.declaredLicense(c));
    tag(w, "PackageCopyrightText", "NOASSERTION");
    if (c.description().isPresent()) {
      tag(w, "PackageDescription", c.description().get());
    }
    tag(w, "PrimaryPackagePurpose", Spdx.purpose(c));
    tag(w, "ExternalRef", "PACKAGE-MANAGER purl " + c.purl());
    tag(w, "ExternalRef", "SECURITY cpe23Type " + c.cpe());
    w.write('\n');
  }

  private static void tag(Writer w, String tag, String value) throws IOException {
    w.write(tag);
    w.write(": ");
    w.write(value);
    w.write('\n');
  }
}
