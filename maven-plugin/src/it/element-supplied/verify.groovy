// The build passed (invoker's default buildResult = success): with the NTIA elements supplied, no
// finding reaches failOn error; the report and the log still show the remaining warning.
File report = new File(basedir, 'target/cyber-baseline/cyber-baseline-report.json')
assert report.isFile() : "no JSON report at ${report}"

// every format, rendered inside Maven's plugin class realm (templates and schemas load from the jar)
for (name in ['cyber-baseline-report.txt', 'cyber-baseline-report.sarif', 'cyber-baseline-report.html',
              'cyber-baseline-report.md', 'cyber-baseline-junit.xml']) {
  File file = new File(basedir, "target/cyber-baseline/${name}")
  assert file.length() > 0 : "no report at ${file}"
}
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cyber-baseline/cyber-baseline-report.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results*.ruleId.contains('SBOM-008')
assert new File(basedir, 'target/cyber-baseline/cyber-baseline-junit.xml').getText('UTF-8').contains('SBOM-004')

def json = new groovy.json.JsonSlurper().parse(report)
assert json.mode == 'sbom-only'
assert json.generatedAt == '2026-11-29T00:00:00Z'
def status = json.results.collectEntries { [(it.ruleId): it.status] }
assert status['SBOM-001'] == 'PASS' : 'the supplied elements keep the SBOM schema-valid'
assert status['SBOM-003'] == 'PASS'
assert status['SBOM-004'] == 'PASS'
assert json.summary.findings.error == 0
assert status['SBOM-008'] == 'FAIL' // warning: no compositions[] in the plugin's SBOM

def bom = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/bom.json'))
assert bom.metadata.authors*.name == ['Example Medical Devices Inc.']
assert bom.metadata.component.supplier.name == 'Example Medical Devices Inc.'
assert bom.components*.supplier*.name == ['The Apache Software Foundation']

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] [SBOM-008] target/bom.json:1:1 /: ')
assert !log.contains('[ERROR] [SBOM-')
assert log =~ /Summary: \d+ rules: /
assert log.contains('JSON report: ')
assert log.contains('BUILD SUCCESS')
return true
