#!/usr/bin/env bash
# Benchmarks of SBOM reading and validation (see docs/performance.md).
#
#   ./bench/run.sh quick   short warm-up (2 x 1 s) and measurement (3 x 1 s), every format and size
#   ./bench/run.sh full    the annotated warm-up (3 x 2 s) and measurement (5 x 2 s) with -prof gc,
#                          the BreakdownBenchmarks of CycloneDX JSON, then the bounded-heap check
#   ./bench/run.sh heap    the bounded-heap check only: one whole validation per format and size under
#                          -Xmx = 10 x file size (at least 64 MB), and the reference library under the same bound
#
# Extra arguments after the mode go to JMH (e.g. -prof gc). BENCH_FORMATS="cyclonedx-json" limits the
# formats, BENCH_SIZES="50000" the sizes. BENCH_SKIP_BUILD=1 reuses
# bench/target/benchmarks.jar. Results: bench/target/results-<mode>.md, JMH's JSON in
# bench/target/jmh-<mode>-<format>.json. Generated SBOMs: bench/target/sboms (never committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-quick}"
[ $# -gt 0 ] && shift
case "$mode" in quick|full|heap) ;; *) echo "usage: $0 quick|full|heap [JMH args...]" >&2; exit 2 ;; esac

jar="$here/target/benchmarks.jar"
sboms="$here/target/sboms"
read -r -a formats <<< "${BENCH_FORMATS:-cyclonedx-json cyclonedx-xml spdx-json spdx-tag-value}"  # see BenchFormat
# SPDX tag-value stops at 1,000 components: java-spdx-library's TagValueStore, which SbomReader runs
# to verify the document, is super-linear (about 6 s at 1,000, 170 s at 10,000 components here).
sizes_of() {
  if [ -n "${BENCH_SIZES:-}" ]; then echo "$BENCH_SIZES"; return; fi
  case "$1" in spdx-tag-value) echo "1000" ;; *) echo "1000 10000 50000" ;; esac
}
out="$here/target/results-$mode.md"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  echo "building (mvn -q -B -ntp install -DskipTests)..." >&2
  (cd "$root" && mvn -q -B -ntp install -DskipTests)
fi
cp_java() { java -Dcyberbaseline.bench.dir="$sboms" -cp "$jar" "$@"; }

for format in "${formats[@]}"; do
  # shellcheck disable=SC2046
  cp_java org.cyberbaseline.bench.Corpus "$format" $(sizes_of "$format")
done

{
  echo "# Benchmark run: $mode"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- commit: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores, $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}') memory, $(uname -sm)"
  echo "- java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$out"

run_jmh() {
  local name="$1"; shift
  local json="$here/target/jmh-$name.json"
  java -jar "$jar" -rf json -rff "$json" -jvmArgsAppend "-Dcyberbaseline.bench.dir=$sboms" "$@"
  {
    echo "JMH: java -jar bench/target/benchmarks.jar $* (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    cp_java org.cyberbaseline.bench.ResultsTable "$json"
  } >> "$out"
}

for format in "${formats[@]}"; do
  size_list=$(sizes_of "$format" | tr ' ' ',')
  case "$mode" in
    quick) run_jmh "quick-$format" 'SbomBenchmarks' -wi 2 -w 1s -i 3 -r 1s -f 1 -p format="$format" -p components="$size_list" "$@" ;;
    full) run_jmh "full-$format" 'SbomBenchmarks' -f 1 -prof gc -p format="$format" -p components="$size_list" "$@" ;;
  esac
done
if [ "$mode" = full ] && [[ " ${formats[*]} " == *" cyclonedx-json "* ]]; then
  run_jmh full-breakdown 'BreakdownBenchmarks' -f 1 -prof gc "$@"
fi

if [ "$mode" = full ] || [ "$mode" = heap ]; then
  {
    echo "#### Bounded heap: one run in a fresh JVM under -Xmx = 10 × file size (at least 64 MB)"
    echo
    echo "| format | components | file size | -Xmx | operation | result | ms (cold JVM) | peak heap after GC | peak of heap pools |"
    echo "|---|---:|---:|---:|---|---|---:|---:|---:|"
  } >> "$out"
  for format in "${formats[@]}"; do
    for size in $(sizes_of "$format"); do
      file=$(ls "$sboms/$format-$size-"* | head -n 1)
      bytes=$(stat -c %s "$file")
      # 10 x the file size, but at least 64 MB: below about 6 MB a JVM's fixed needs (classes,
      # compiled schemas, the rule packs) alone exceed 10 x the document.
      xmx_mb=$(( bytes * 10 / 1048576 ))
      [ "$xmx_mb" -lt 64 ] && xmx_mb=64
      for op in validate reference; do
        set +e
        line=$(cp_java -Xmx"${xmx_mb}m" org.cyberbaseline.bench.HeapCheck "$op" "$format" "$size" 2>&1 | grep '^heap-check' | tail -n 1)
        set -e
        echo "$line" >&2
        get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$line"; }
        mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
        result=$(get result)
        if [ "$result" = ok ]; then
          printf '| %s | %s | %s MB | %sm | %s | ok | %s | %s MB (%s×) | %s MB (%s×) |\n' \
            "$format" "$size" "$(mb "$bytes")" "$xmx_mb" "$op" "$(get ms)" \
            "$(mb "$(get peakAfterGc)")" "$(get peakAfterGcPerFileSize)" \
            "$(mb "$(get peakPools)")" "$(get peakPoolsPerFileSize)" >> "$out"
        else
          printf '| %s | %s | %s MB | %sm | %s | %s | — | — | — |\n' \
            "$format" "$size" "$(mb "$bytes")" "$xmx_mb" "$op" "${result:-failed}" >> "$out"
        fi
      done
    done
  done
  echo >> "$out"
  echo "Heap check: java -Xmx<10 × file size> -cp bench/target/benchmarks.jar org.cyberbaseline.bench.HeapCheck validate|reference FORMAT SIZE" >> "$out"
fi

echo "results: $out" >&2
cat "$out"
