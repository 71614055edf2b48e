#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs each for a while on its
# seeds plus what earlier runs found (build-fuzz/tests/fuzz/corpus/<target>).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]   (default: 60 seconds each, every target)
# Prints, per target: executions, executions per second, coverage (edges) and corpus size. A crash,
# hang (> 10 s for one input) or broken invariant stops that target with the input saved under
# build-fuzz/tests/fuzz/artifacts/<target>/ and makes the script fail; re-run one input with
#   build-fuzz/tests/fuzz/<target> <file>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(fuzz_dto fuzz_jsondata fuzz_sampledata fuzz_memberimport fuzz_textfile fuzz_htmlscanner fuzz_liquid
             fuzz_translation)
fi

scripts/bootstrap.sh fuzz >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

export QT_QPA_PLATFORM=offscreen
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
dir=build-fuzz/tests/fuzz
# Two targets at a time (one per core); each prints its line when both of its pair are done.
run_one() {
    local t=$1
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
    "$dir/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/$t/" "$dir/corpus/$t" "tests/fuzz/seeds/$t" >"$dir/$t.log" 2>&1
}
report() {
    local t=$1 status=$2 result=ok
    local log=$dir/$t.log
    [[ $status == 0 ]] || result="FAILED (see $log)"
    local runs speed edges corpus
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    edges=$(grep -ao 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(find "$dir/corpus/$t" -type f | wc -l)
    printf '%-18s %12s %10s %8s %8s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "${edges:-?}" "$corpus" "$result"
}
failed=0
printf '%-18s %12s %10s %8s %8s  %s\n' target executions "exec/s" edges corpus result
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    pair=("${targets[@]:i:2}")
    pids=()
    for t in "${pair[@]}"; do
        run_one "$t" &
        pids+=($!)
    done
    for j in "${!pair[@]}"; do
        status=0
        wait "${pids[j]}" || status=$?
        report "${pair[j]}" "$status"
        ((status == 0)) || failed=1
    done
done
exit $failed
