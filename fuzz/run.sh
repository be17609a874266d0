#!/usr/bin/env bash
# Fuzzes one reader of Cyber Baseline with Jazzer for a chosen time.
#
#   ./fuzz/run.sh list                       # the targets
#   ./fuzz/run.sh <target> <seconds> [libFuzzer flags...]
#   e.g. nice -n 19 ./fuzz/run.sh cyclonedx-json 600
#
# A target is a @FuzzTest method; `mvn verify` replays its committed seeds and regression inputs
# from src/test/resources/<package>/<TestClass>Inputs/<method>/. This script runs the same check
# under the standalone Jazzer driver (coverage-guided, libFuzzer), starting from those inputs.
# New corpus entries go to <module>/target/fuzz-corpus/<target>/ (not committed); a crash, timeout
# or out-of-memory input is written straight into the inputs folder, so it becomes a committed
# regression input once you fix the reader and `git add` it. The log, with libFuzzer's final figures
# (executions, cov, ft, crashes), is <module>/target/fuzz-<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

# target              module          test class                                      method   [entry class, default Target]
TARGETS="
cyclonedx-json        sbom-model      org.cyberbaseline.sbom.SbomReaderFuzzTest       cyclonedxJson
cyclonedx-xml         sbom-model      org.cyberbaseline.sbom.SbomReaderFuzzTest       cyclonedxXml
spdx-json             sbom-model      org.cyberbaseline.sbom.SbomReaderFuzzTest       spdxJson
spdx-yaml             sbom-model      org.cyberbaseline.sbom.SbomReaderFuzzTest       spdxYaml
spdx-tag-value        sbom-model      org.cyberbaseline.sbom.SbomReaderFuzzTest       spdxTagValue
rule-pack             baseline-rules  org.cyberbaseline.rules.RulePackFuzzTest        rulePack
submission-manifest   validator       org.cyberbaseline.validator.ReaderFuzzTest      submissionManifest  SubmissionManifestTarget
waivers               validator       org.cyberbaseline.validator.ReaderFuzzTest      waivers             WaiversTarget
vex-cyclonedx         vulnerability   org.cyberbaseline.vuln.VulnerabilityFuzzTest    cyclonedxVex        VexTarget
vex-openvex           vulnerability   org.cyberbaseline.vuln.VulnerabilityFuzzTest    openVex             VexTarget
vex-csaf              vulnerability   org.cyberbaseline.vuln.VulnerabilityFuzzTest    csafVex             VexTarget
kev-catalog           vulnerability   org.cyberbaseline.vuln.VulnerabilityFuzzTest    kevCatalog          KevTarget
osv-record            vulnerability   org.cyberbaseline.vuln.VulnerabilityFuzzTest    osvRecord           OsvTarget
dqi-manifest          dqi-manifest    org.cyberbaseline.dqi.DqiManifestFuzzTest       dqiManifest
threat-model-otm      threat-model    org.cyberbaseline.threatmodel.ThreatModelFuzzTest otm
threat-model-native   threat-model    org.cyberbaseline.threatmodel.ThreatModelFuzzTest nativeFormat
"

usage() {
  echo "usage: $0 list | <target> <seconds> [libFuzzer flags...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
if [ "$1" = list ]; then
  echo "$TARGETS" | awk 'NF { print $1 }'
  exit 0
fi
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
line=$(echo "$TARGETS" | awk -v t="$target" '$1 == t')
[ -n "$line" ] || { echo "unknown target '$target'; see: $0 list" >&2; exit 2; }
read -r _ module class method entry <<<"$line"
entry=${entry:-Target}

# Compile the module and what it depends on, and write its test classpath (offline when possible).
# FUZZ_SKIP_BUILD=1 reuses the previous build, e.g. for several campaigns in a row.
if [ "${FUZZ_SKIP_BUILD:-}" != 1 ] || [ ! -f "$module/target/fuzz-classpath.txt" ]; then
  mvn -B -q -o test-compile dependency:build-classpath -pl "$module" -am \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test >/dev/null \
    || mvn -B -q test-compile dependency:build-classpath -pl "$module" -am \
         -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test >/dev/null
fi
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz-classpath.txt")"

inputs="$module/src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/$method"
corpus="$module/target/fuzz-corpus/$target"
log="$module/target/fuzz-$target.log"
mkdir -p "$inputs" "$corpus"

# Instrument our code and the parsers it drives, so coverage guides the fuzzer through both.
# (Not the schema validator, networknt: instrumenting it halves the speed for little guidance.)
includes="org.cyberbaseline.**:com.fasterxml.jackson.core.**:com.fasterxml.jackson.dataformat.**:org.yaml.snakeyaml.**:org.spdx.**"

echo "fuzzing $target ($class#$method) for $seconds s; log: $log" >&2
set +e
java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer \
  --target_class="$class\$$entry" \
  --instrumentation_includes="$includes" \
  --keep_going=50 \
  -max_total_time="$seconds" \
  -timeout=120 \
  -rss_limit_mb=3072 \
  -print_final_stats=1 \
  -artifact_prefix="$inputs/" \
  "$@" \
  "$corpus" "$inputs" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "exit status $status; crash inputs (if any) are in $inputs:" >&2
ls "$inputs" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' >&2 || echo "  none" >&2
exit "$status"
