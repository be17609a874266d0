package org.cyberbaseline.cli;

import java.io.PrintWriter;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.RulePack;

/** Small text helpers shared by the listing commands. */
final class Text {
  static final int WIDTH = 100;

  private Text() {}

  static String baselineHeader(RulePack pack) {
    StringBuilder header =
        new StringBuilder("Baseline ")
            .append(pack.ref())
            .append(": ")
            .append(pack.title())
            .append(" (effective ")
            .append(pack.effectiveDate());
    if (!pack.extendsPacks().isEmpty()) {
      header.append(", extends ").append(String.join(", ", pack.extendsPacks().stream().map(PackRef::toString).toList()));
    }
    return header.append("; ").append(pack.rules().size()).append(pack.rules().size() == 1 ? " rule)" : " rules)").toString();
  }

  /** Prints {@code text} word-wrapped and indented by two spaces. */
  static void paragraph(PrintWriter out, String text) {
    String indent = "  ";
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }
}
