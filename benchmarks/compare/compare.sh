#!/usr/bin/env bash
# Runs every workload in Java (JMH) and in PyTorch with the same shapes and thread count, then
# prints one table of medians: workload, PyTorch, jautograd, ratio. See docs/performance.md.
#
#   benchmarks/compare/compare.sh                 # everything (about 15 minutes)
#   benchmarks/compare/compare.sh 'Small|Mlp'     # a regex over workload names (JMH's and ours)
#   BENCH_JAVA_BLAS=1 benchmarks/compare/compare.sh Matmul   # the pure-Java BLAS fallback instead of OpenBLAS
#   BENCH_NO_VECTOR=1 benchmarks/compare/compare.sh 'exp|sigmoid'   # without --add-modules jdk.incubator.vector
#   BENCH_JVM_ARGS='-XX:TieredStopAtLevel=1' benchmarks/compare/compare.sh   # extra JVM flags (e.g. a launcher's)
#
# Environment: BENCH_THREADS (default: nproc), BENCH_RUNS (measured runs, default 5),
# BENCH_WARMUP (warm-up runs, default 3), BENCH_RUN_SECONDS (seconds per run, default 1),
# BENCH_ROUNDS (default 2: Java then PyTorch, twice, so load changes on a shared machine hit both),
# BENCH_OUT (where raw results go, default benchmarks/compare/results), JAVA (default: java on PATH).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
filter=${1:-.}
threads=${BENCH_THREADS:-$(nproc)}
runs=${BENCH_RUNS:-5}
rounds=${BENCH_ROUNDS:-2}
warmup=${BENCH_WARMUP:-3}
seconds=${BENCH_RUN_SECONDS:-1}
out=${BENCH_OUT:-$root/benchmarks/compare/results}
java=${JAVA:-java}
jar=$root/benchmarks/target/benchmarks.jar
mkdir -p "$out"
rm -f "$out"/jmh.*.json "$out"/torch.*.jsonl

if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -q -DskipTests package)
fi

# One thread count for everyone: our kernel workers, OpenBLAS (used by both sides), PyTorch.
export OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads BENCH_THREADS=$threads
# Transparent huge pages: streaming 40 MB tensors through 4 kB pages stalls on TLB misses and
# stops the prefetcher at every page; with huge pages sum/mean over 10^7 floats run ~1.5x faster
# (PyTorch's large buffers get them from the kernel anyway). Recommended for any jautograd JVM.
jvm_args="-XX:+UseTransparentHugePages -Djautograd.threads=$threads"
if [ -z "${BENCH_NO_VECTOR:-}" ]; then jvm_args="--add-modules jdk.incubator.vector $jvm_args"; fi
if [ -n "${BENCH_JAVA_BLAS:-}" ]; then jvm_args="$jvm_args -Djautograd.blas=java"; fi
jvm_args="$jvm_args ${BENCH_JVM_ARGS:-}"

echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "JVM flags: $jvm_args"
echo "threads $threads, $warmup warm-up + $runs measured runs of ${seconds}s each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" $jvm_args -cp "$jar" dev.jautograd.bench.BenchInfo 2>/dev/null
/usr/bin/python3 -c 'import torch; print("PyTorch", torch.__version__, "threads", torch.get_num_threads())'
echo

for round in $(seq "$rounds"); do
    "$java" -jar "$jar" -jvmArgsAppend "$jvm_args" -f 1 -wi "$warmup" -w "${seconds}s" -i "$runs" -r "${seconds}s" \
        -rf json -rff "$out/jmh.$round.json" "$filter" > "$out/jmh.$round.log" 2>&1 \
        || { tail -30 "$out/jmh.$round.log"; exit 1; }
    BENCH_RUNS=$runs BENCH_WARMUP=$warmup BENCH_RUN_SECONDS=$seconds \
        /usr/bin/python3 "$root/benchmarks/compare/torch_bench.py" "$filter" > "$out/torch.$round.jsonl"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
/usr/bin/python3 "$root/benchmarks/compare/table.py" "$out"
