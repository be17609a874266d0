package org.cyberbaseline.validator.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's template, stylesheet and script, loaded and compiled once per JVM (class
 * initialisation is thread-safe, and a compiled {@link Mustache} is safe to execute from many
 * threads at once). Every resource is read as UTF-8 with line ends normalised to {@code \n}, so the
 * rendered bytes do not depend on how the checkout stored them.
 *
 * <p>{@code {{name}}} HTML-escapes the value ({@code & < > " ' ` =}); the template uses the
 * unescaped {@code {{{name}}}} form only for {@link #css()} and {@link #script()}, which are this
 * package's own static resources.
 */
final class HtmlTemplates {
  static final String ROOT = "org/cyberbaseline/validator/report/html";

  private static final HtmlTemplates INSTANCE = new HtmlTemplates();

  private final Mustache report;
  private final String css;
  private final String script;
  private final String cssHash;
  private final String scriptHash;

  private HtmlTemplates() {
    NormalisingFactory factory = new NormalisingFactory();
    this.report = factory.compile("report.mustache");
    this.css = resource("report.css");
    this.script = resource("report.js");
    this.cssHash = sha256Base64(css);
    this.scriptHash = sha256Base64(script);
  }

  static HtmlTemplates get() {
    return INSTANCE;
  }

  Mustache report() {
    return report;
  }

  String css() {
    return css;
  }

  String script() {
    return script;
  }

  /**
   * The Content-Security-Policy of the page: nothing may be loaded from anywhere, and only the
   * exact bundled stylesheet and script (by SHA-256) may run, so even markup that slipped past
   * escaping could neither execute script nor fetch anything.
   */
  String contentSecurityPolicy() {
    return "default-src 'none'; style-src 'sha256-" + cssHash + "'; script-src 'sha256-" + scriptHash
        + "'; img-src data:; base-uri 'none'; form-action 'none'";
  }

  private static String resource(String name) {
    String path = ROOT + "/" + name;
    try (InputStream in = HtmlTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String sha256Base64(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Reads templates from the classpath root above with normalised line ends. */
  private static final class NormalisingFactory extends DefaultMustacheFactory {
    NormalisingFactory() {
      super(ROOT);
    }

    @Override
    public Reader getReader(String resourceName) {
      try (Reader in = super.getReader(resourceName)) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          text.append(buffer, 0, n);
        }
        return new StringReader(normalise(text.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("reading template " + resourceName, e);
      }
    }
  }
}
