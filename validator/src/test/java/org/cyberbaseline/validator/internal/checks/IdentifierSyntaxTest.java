package org.cyberbaseline.validator.internal.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifierSyntaxTest {
  /** The CPE 2.3 expression the hand-written scanner replaces: the scanner must answer as it does. */
  private static final Pattern CPE_23 = Pattern.compile("^cpe:2\\.3:[aho*\\-](:(?:[^:\\\\]|\\\\.)+){10}$");

  @Test
  void acceptsRealCpe23Names() {
    assertTrue(IdentifierSyntax.isCpe23("cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*"));
    assertTrue(IdentifierSyntax.isCpe23("cpe:2.3:o:linux:linux_kernel:5.10.0:-:*:*:*:*:*:*"));
    assertTrue(IdentifierSyntax.isCpe23("cpe:2.3:a:vendor:prod\\:uct:1.0:*:*:*:*:*:*:*"));
    assertTrue(IdentifierSyntax.isCpe("cpe:/a:apache:tomcat:9.0.1"));
  }

  @Test
  void rejectsMalformedCpe23Names() {
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*"), "one attribute short");
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*:*"), "one too many");
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:x:openssl:openssl:3.0.7:*:*:*:*:*:*:*"), "unknown part");
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:a:openssl::3.0.7:*:*:*:*:*:*:*"), "empty attribute");
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:\\"), "dangling escape");
    assertFalse(IdentifierSyntax.isCpe23("cpe:2.3:a:o:p:1:*:*:*:*:*:*:\\\n"), "escaped line break");
    assertFalse(IdentifierSyntax.isCpe("cpe:2.3:a"));
    assertFalse(IdentifierSyntax.isCpe("not a cpe"));
  }

  @Test
  void answersAsTheRegularExpressionOnRandomNearMisses() {
    // Names built as the expression sees them (prefix, part, ten attributes), with random slips:
    // a wrong part, an attribute too many or too few, empty attributes, escapes of every kind
    // (colon, line breaks, a surrogate pair, nothing at all), stray backslashes.
    String[] pieces = {"a", "x1", "*", "-", ".", " ", "\\:", "\\\\", "\\*", "\\\n", "\\\r", "\\\u2028",
        "\\\uD83D\uDE00", "\uD83D\uDE00", "\n", "\u0085", "\\"};
    Random random = new Random(20261129);
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder(random.nextInt(20) == 0 ? "cpe:2.4:" : "cpe:2.3:");
      s.append("aho*-xA".charAt(random.nextInt(7)));
      int attributes = 10 + (random.nextInt(4) == 0 ? random.nextInt(5) - 2 : 0);
      for (int a = 0; a < attributes; a++) {
        s.append(':');
        int count = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          // Mostly harmless pieces, so that a good share of names is valid.
          s.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[random.nextInt(6)]);
        }
      }
      String candidate = s.toString();
      boolean expected = CPE_23.matcher(candidate).matches();
      assertEquals(expected, IdentifierSyntax.isCpe23(candidate), () -> "differs on " + candidate.replace("\n", "\\n"));
      if (expected) {
        accepted++;
      }
    }
    // The generator must reach valid names too, or the comparison would only cover rejections.
    assertTrue(accepted > 100, "only " + accepted + " random names were valid");
  }
}
