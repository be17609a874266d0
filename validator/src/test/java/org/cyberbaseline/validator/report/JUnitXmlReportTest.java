package org.cyberbaseline.validator.report;

import static org.cyberbaseline.validator.report.ReportFixtures.at;
import static org.cyberbaseline.validator.report.ReportFixtures.finding;
import static org.cyberbaseline.validator.report.ReportFixtures.report;
import static org.cyberbaseline.validator.report.ReportFixtures.result;
import static org.cyberbaseline.validator.report.ReportFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.ValidationReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: parsed back with a hardened parser; counts, attributes and escaping. */
class JUnitXmlReportTest {
  /** Component name with markup, an entity, a CDATA end, a control character and a lone surrogate. */
  static final String HOSTILE = "evil\"<name>&amp;]]></testcase><script>x</script>\u0001\uD800'";

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Document document, String name) {
    NodeList nodes = document.getElementsByTagName(name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static Element testcase(Document document, String namePrefix) {
    return elements(document, "testcase").stream()
        .filter(e -> e.getAttribute("name").startsWith(namePrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test case " + namePrefix));
  }

  @Test
  void everyStatusMapsToItsJUnitOutcome() throws Exception {
    Rule failing = rule("T-001", "Every component names its supplier", Severity.ERROR);
    Rule review = rule("T-002", "A human judges the plan", Severity.WARNING);
    Rule passing = rule("T-003", "Passing rule", Severity.ERROR);
    Rule notApplicable = rule("T-004", "Not applicable rule", Severity.INFO);
    ValidationReport report =
        report(
            List.of(new Exclusion("T-009", "not for this device", new PackRef("org-pack", "2"))),
            List.of(),
            result(failing, Status.FAIL, "2 components have no supplier",
                finding("T-001", Severity.WARNING, "component a says NOASSERTION", at("sbom/fw.cdx.json", "/components/0", 30, 5)),
                finding("T-001", Severity.ERROR, "component b has no supplier", at("sbom/fw.cdx.json", "/components/1", 41, 5))),
            result(review, Status.NEEDS_REVIEW, "a reviewer must read the plan",
                finding("T-002", Severity.INFO, "review docs/plan.md", Location.ofArtifact("docs/plan.md"))),
            result(passing, Status.PASS, "all good"),
            result(notApplicable, Status.NOT_APPLICABLE, "only for cyber devices"));

    byte[] bytes = JUnitXmlReport.toBytes(report);
    Document document = parse(bytes);

    Element suites = document.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    List<Element> suite = elements(document, "testsuite");
    assertEquals(1, suite.size());
    assertEquals("cyber-baseline test-pack@1", suite.get(0).getAttribute("name"));
    assertEquals("6", suite.get(0).getAttribute("tests"), "input + 4 rules + 1 exclusion");
    assertEquals("1", suite.get(0).getAttribute("failures"));
    assertEquals("0", suite.get(0).getAttribute("errors"));
    assertEquals("3", suite.get(0).getAttribute("skipped"), "needs review, not applicable, excluded");
    assertEquals("2026-11-29T12:00:00", suite.get(0).getAttribute("timestamp"));
    assertEquals(6, elements(document, "testcase").size());
    assertTrue(elements(document, "testcase").stream().allMatch(e -> e.getAttribute("classname").equals("test-pack")));

    Element input = testcase(document, "input ");
    assertEquals(0, input.getElementsByTagName("failure").getLength(), "no input problem: the input case passes");

    Element fail = testcase(document, "T-001 Every component names its supplier");
    Element failure = (Element) fail.getElementsByTagName("failure").item(0);
    assertEquals("2 components have no supplier", failure.getAttribute("message"));
    assertEquals("error", failure.getAttribute("type"), "the most severe finding");
    String text = failure.getTextContent();
    assertTrue(text.contains("warning sbom/fw.cdx.json:30:5 /components/0\n  component a says NOASSERTION"), text);
    assertTrue(text.contains("error sbom/fw.cdx.json:41:5 /components/1"), text);
    assertTrue(text.contains("cites NTIA-ME-2021 §IV Data fields: Supplier Name"), text);

    Element reviewCase = testcase(document, "T-002 ");
    assertEquals("needs review: a reviewer must read the plan",
        ((Element) reviewCase.getElementsByTagName("skipped").item(0)).getAttribute("message"));
    assertTrue(reviewCase.getElementsByTagName("system-out").item(0).getTextContent().contains("review docs/plan.md"));
    assertEquals(0, testcase(document, "T-003 ").getChildNodes().getLength(), "a passing rule is an empty test case");
    assertEquals("not applicable: only for cyber devices",
        ((Element) testcase(document, "T-004 ").getElementsByTagName("skipped").item(0)).getAttribute("message"));
    assertEquals("excluded by org-pack@2: not for this device",
        ((Element) testcase(document, "T-009 (excluded)").getElementsByTagName("skipped").item(0)).getAttribute("message"));

    assertArrayEquals(bytes, JUnitXmlReport.toBytes(report), "deterministic");
    String xml = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "), xml);
    assertTrue(xml.endsWith("</testsuites>\n"), xml);
  }

  @Test
  void inputProblemsFailTheInputCase() throws Exception {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report =
        report(
            List.of(
                finding("input.manifest-schema", Severity.ERROR, "/device/model: integer found, string expected",
                    at("submission.json", "/device/model", 7, 14)),
                finding("input.artifact-duplicate", Severity.WARNING, "listed twice", at("submission.json", "/artifacts", 9, 3))),
            result(rule, Status.PASS, "ok"));

    Document document = parse(JUnitXmlReport.toBytes(report));

    Element failure = (Element) testcase(document, "input ").getElementsByTagName("failure").item(0);
    assertEquals("2 problems reading the submission: /device/model: integer found, string expected",
        failure.getAttribute("message"));
    assertEquals("error", failure.getAttribute("type"));
    assertTrue(failure.getTextContent().contains("error submission.json:7:14 /device/model"), failure.getTextContent());
    assertEquals("1", elements(document, "testsuite").get(0).getAttribute("failures"));
  }

  @Test
  void waivedFindingsPassOrLeaveTheFailureTypeToTheOthers() throws Exception {
    ValidationReport report = ReportFixtures.waivedReport();

    Document document = parse(JUnitXmlReport.toBytes(report));

    Element passed = testcase(document, "T-001 ");
    assertEquals(0, passed.getElementsByTagName("failure").getLength());
    assertTrue(passed.getElementsByTagName("system-out").item(0).getTextContent()
        .contains("WAIVED until 2027-06-30 by J. Doe: accepted <risk> | see @team"));
    Element failure = (Element) testcase(document, "T-002 ").getElementsByTagName("failure").item(0);
    assertEquals("warning", failure.getAttribute("type"), "the waived error does not count");
    assertTrue(failure.getTextContent().contains("waived error\n  cites"), failure.getTextContent());
    assertEquals("1", elements(document, "testsuite").get(0).getAttribute("failures"));
  }

  @Test
  void hostileDocumentTextIsEscapedAndStaysWellFormed() throws Exception {
    Rule rule = rule("T-001", "Title with <b>markup</b> & \"quotes\"", Severity.ERROR);
    ValidationReport report =
        report(List.of(), result(rule, Status.FAIL, "component " + HOSTILE + " has no supplier",
            finding("T-001", Severity.ERROR, "component " + HOSTILE + "\nsecond line", at("sbom/" + HOSTILE, "/components/0", 1, 1))));

    Document document = parse(JUnitXmlReport.toBytes(report));

    Element testcase = testcase(document, "T-001 ");
    assertEquals("T-001 Title with <b>markup</b> & \"quotes\"", testcase.getAttribute("name"));
    assertEquals(0, testcase.getElementsByTagName("b").getLength(), "markup stays text");
    assertEquals(0, document.getElementsByTagName("script").getLength(), "no injected element");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    String cleaned = "evil\"<name>&amp;]]></testcase><script>x</script>\uFFFD\uFFFD'";
    assertEquals("component " + cleaned + " has no supplier", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("component " + cleaned + "\nsecond line"), failure.getTextContent());
    assertEquals(2, elements(document, "testcase").size(), "input + the rule; nothing injected");
  }

  @Test
  void exampleSubmission() throws Exception {
    ValidationReport report =
        ReportFixtures.validator().validate(Submission.fromDirectory(ReportFixtures.repoRoot().resolve("examples/infusion-pump")));
    Document document = parse(JUnitXmlReport.toBytes(report));
    Element suite = elements(document, "testsuite").get(0);
    assertEquals("cyber-baseline ntia-sbom@2021", suite.getAttribute("name"));
    assertEquals(Integer.toString(report.results().size() + 1 + report.baseline().exclusions().size()),
        suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    assertEquals("ntia-sbom", testcase(document, "SBOM-004 ").getAttribute("classname"));
    assertEquals("warning",
        ((Element) testcase(document, "SBOM-007 ").getElementsByTagName("failure").item(0)).getAttribute("type"));
  }
}
