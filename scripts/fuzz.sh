#!/usr/bin/env bash
# make fuzz: coverage-guided fuzzing of parse → load → validate → render with libFuzzer
# (Sources/mcfuzz, invariants in Sources/MCPipeline/FuzzTarget.swift), seeded from examples/ and
# the test fixtures. usage: fuzz.sh SECONDS. Findings go to .build-fuzz/findings/; the corpus the
# run grows is kept in .build-fuzz/corpus/ for the next run. Prints the executions and coverage.
# FUZZ_SEED fixes libFuzzer's seed (make test's smoke uses 1, so that it is repeatable).
set -euo pipefail
seconds=${1:?usage: fuzz.sh SECONDS}
seed=()
if [ -n "${FUZZ_SEED:-}" ]; then seed=(-seed="$FUZZ_SEED"); fi
cd "$(dirname "$0")/.."
swift build -c release --product mcfuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -D -Xswiftc FUZZING >/dev/null
mkdir -p .build-fuzz/corpus .build-fuzz/findings
for f in examples/*/topology.yaml Tests/SchemaFixtures/*/*.yaml Tests/EndToEndTests/Fixtures/*.yaml Tests/EndToEndTests/Fixtures/*/topology.yaml; do
  cp "$f" ".build-fuzz/corpus/seed-$(echo "$f" | tr '/' '_')"
done
# The Swift runtime's backtracer would catch the abort before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
status=0
.build-fuzz/release/mcfuzz .build-fuzz/corpus "${seed[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=.build-fuzz/findings/ -print_final_stats=1 > .build-fuzz/last-run.log 2>&1 || status=$?
grep -E "^stat::(number_of_executed_units|peak_rss_mb)|cov: " .build-fuzz/last-run.log | tail -3
if [ "$status" -ne 0 ]; then
  grep -E "fuzz invariant broken|ERROR|Test unit written" .build-fuzz/last-run.log | head -5
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
echo "fuzz: 1 passed, 0 failed"
