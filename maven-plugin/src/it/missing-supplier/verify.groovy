// The build failed (invoker.buildResult = failure) for the right reason: the NTIA elements that
// cyclonedx-maven-plugin leaves out, named in the report and in the build log.
File report = new File(basedir, 'target/cyber-baseline/cyber-baseline-report.json')
assert report.isFile() : "no JSON report at ${report}"
assert new File(basedir, 'target/cyber-baseline/cyber-baseline-report.txt').isFile()

def json = new groovy.json.JsonSlurper().parse(report)
assert json.mode == 'sbom-only'
assert json.artifacts*.path == ['bom.json']
// project.build.outputTimestamp of the sample project, not the clock: a reproducible report
assert json.generatedAt == '2026-11-29T00:00:00Z'

def result = { id -> json.results.find { it.ruleId == id } }
// supplier: absent on every component (the plugin writes <organization> as "publisher")
assert result('SBOM-004').status == 'FAIL'
assert result('SBOM-004').findings*.location*.pointer == ['/metadata/component', '/components/0']
assert result('SBOM-004').findings.every { it.severity == 'error' }
// author of the SBOM data: only the tool is named; the timestamp is dropped when
// project.build.outputTimestamp is set (the plugin's reproducible mode)
assert result('SBOM-003').status == 'FAIL'
assert result('SBOM-003').findings*.message.any { it.contains('metadata.authors') }
assert result('SBOM-003').findings*.message.any { it.contains('no timestamp') }
assert json.summary.findings.error >= 3

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] [SBOM-004] target/bom.json:')
assert log.contains('/components/0: component commons-lang3@3.17.0 has no supplier (supplier.name)')
assert log.contains('[ERROR] [SBOM-003] target/bom.json:')
assert log.contains('[INFO] FAIL SBOM-004 Every component names its supplier')
assert log =~ /Summary: \d+ rules: /
// the MojoFailureException's message: "N findings at or above error; see <JSON report>"
assert log =~ /\d+ findings at or above error; see .*target[\\\/]cyber-baseline[\\\/]cyber-baseline-report\.json/
return true
