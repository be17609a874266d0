package org.cyberbaseline.sbom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The charset a byte-order mark announces and how many bytes it takes; UTF-8 with no offset when
 * there is none. One place for the readers that decode text themselves.
 */
record ByteOrderMark(Charset charset, int length) {

  static ByteOrderMark of(byte[] content) {
    if (startsWith(content, 0x00, 0x00, 0xFE, 0xFF)) {
      return new ByteOrderMark(Charset.forName("UTF-32BE"), 4);
    }
    if (startsWith(content, 0xFF, 0xFE, 0x00, 0x00)) {
      return new ByteOrderMark(Charset.forName("UTF-32LE"), 4);
    }
    if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
      return new ByteOrderMark(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(content, 0xFE, 0xFF)) {
      return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
    }
    if (startsWith(content, 0xFF, 0xFE)) {
      return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
    }
    return new ByteOrderMark(StandardCharsets.UTF_8, 0);
  }

  static boolean startsWith(byte[] content, int... bytes) {
    if (content.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((content[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
