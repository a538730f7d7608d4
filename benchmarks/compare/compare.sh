#!/usr/bin/env bash
# Runs every workload in Java (JMH) and in PyTorch with the same shapes and thread count, then
# prints one table of medians: workload, PyTorch, jautograd, ratio. Then each workload's first
# call in a fresh process (a fresh JVM with the kernel's flags from kernel/kernelspec/launch.sh
# and a class-data-sharing archive trained as install.sh trains the kernel's, a fresh python3 with
# `import torch` timed apart), alternating the sides, and a second table.
# See docs/performance.md.
#
#   benchmarks/compare/compare.sh                 # everything (about 35 minutes: settling and the second PyTorch environment added ~10)
#   BENCH_MODE=steady benchmarks/compare/compare.sh   # steady state only (BENCH_MODE=first: first calls only)
#   benchmarks/compare/compare.sh 'Small|Mlp'     # a regex over workload names (JMH's and ours)
#   BENCH_JAVA_BLAS=1 benchmarks/compare/compare.sh Matmul   # the pure-Java BLAS fallback instead of OpenBLAS
#   BENCH_NO_VECTOR=1 benchmarks/compare/compare.sh 'exp|sigmoid'   # without --add-modules jdk.incubator.vector
#   BENCH_JVM_ARGS='-XX:TieredStopAtLevel=1' benchmarks/compare/compare.sh   # extra JVM flags (e.g. a launcher's)
#   BENCH_NO_CDS=1 BENCH_MODE=first benchmarks/compare/compare.sh   # first calls without the kernel's archive
#
# Environment: BENCH_THREADS (default: nproc), BENCH_RUNS (measured runs, default 5),
# BENCH_WARMUP (warm-up runs, default 3), BENCH_RUN_SECONDS (seconds per run, default 1),
# BENCH_ROUNDS (default 2: Java then PyTorch, twice, so load changes on a shared machine hit both),
# BENCH_FIRST_ROUNDS (fresh processes per workload and side, default 5),
# BENCH_OUT (where raw results go, default benchmarks/compare/results), JAVA (default: java on PATH),
# BENCH_SETTLE_SECONDS (each side runs a workload until its time per call stops improving, at most
# this long, before the warm-up; default 30), BENCH_TORCH_CONFIGS (PyTorch's process environments,
# default "tuned plain": each runs, and the table takes PyTorch's faster one per workload; see
# torch_env below and docs/performance.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
filter=${1:-.}
threads=${BENCH_THREADS:-$(nproc)}
runs=${BENCH_RUNS:-5}
rounds=${BENCH_ROUNDS:-2}
first_rounds=${BENCH_FIRST_ROUNDS:-5}
mode=${BENCH_MODE:-both}
warmup=${BENCH_WARMUP:-3}
seconds=${BENCH_RUN_SECONDS:-1}
out=${BENCH_OUT:-$root/benchmarks/compare/results}
java=${JAVA:-java}
jar=$root/benchmarks/target/benchmarks.jar
kernel_jar=$root/kernel/target/jautograd-kernel.jar
mkdir -p "$out"
rm -f "$out"/jmh.*.json "$out"/torch.*.jsonl "$out"/first.*.jsonl

# Built every time (a stale jar would time old code); BENCH_NO_BUILD=1 skips it.
if [ -z "${BENCH_NO_BUILD:-}" ] || [ ! -f "$jar" ] || [ ! -f "$kernel_jar" ]; then
    (cd "$root" && mvn -q -pl benchmarks,kernel -am -DskipTests package)
fi

# One thread count for everyone: our kernel workers, OpenBLAS (used by both sides), PyTorch.
export OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads BENCH_THREADS=$threads
# Transparent huge pages: streaming 40 MB tensors through 4 kB pages stalls on TLB misses and
# stops the prefetcher at every page; with huge pages sum/mean over 10^7 floats run ~1.5x faster
# (THP is "madvise" on Debian, so PyTorch's buffers get them only in the tuned environment below,
# through glibc.malloc.hugetlb). Recommended for any jautograd JVM.
jvm_args="-XX:+UseTransparentHugePages -Djautograd.threads=$threads"
if [ -z "${BENCH_NO_VECTOR:-}" ]; then jvm_args="--add-modules jdk.incubator.vector $jvm_args"; fi
if [ -n "${BENCH_JAVA_BLAS:-}" ]; then jvm_args="$jvm_args -Djautograd.blas=java"; fi
jvm_args="$jvm_args ${BENCH_JVM_ARGS:-}"

# PyTorch's process environment, by name. plain: as a user's python3 starts. tuned: what this
# machine needs so PyTorch is not handicapped against the JVM, which keeps its warmed heap (in huge
# pages, -XX:+UseTransparentHugePages) and has no spinning thread pools: libgomp's threads sleep
# when idle instead of spinning against OpenBLAS's pthreads for the same 2 cores (the MLP step),
# and glibc keeps freed memory in huge pages instead of unmapping every buffer over 32 MB and
# faulting in a fresh one on the next call (exp of 10^7 floats: 80 ms instead of 16-27 ms).
torch_configs=${BENCH_TORCH_CONFIGS:-tuned plain}
torch_env() {
    case $1 in
        plain) echo "BENCH_TORCH_CONFIG=plain" ;;
        tuned) echo "BENCH_TORCH_CONFIG=tuned OMP_WAIT_POLICY=PASSIVE" \
            "GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=17179869184" ;;
        *) echo "unknown PyTorch config $1 (known: plain tuned)" >&2; exit 2 ;;
    esac
}
for config in $torch_configs; do torch_env "$config" > /dev/null; done  # an unknown name stops here

echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "JVM flags: $jvm_args"
echo "threads $threads, $warmup warm-up + $runs measured runs of ${seconds}s each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" $jvm_args -cp "$jar" dev.jautograd.bench.BenchInfo 2>/dev/null
# shellcheck disable=SC2016  # Python source
/usr/bin/python3 -c 'import os, torch
torch.set_num_threads(int(os.environ["BENCH_THREADS"]))
cpu = [line.strip() for line in torch.__config__.show().splitlines() if "CPU capability" in line]
print("PyTorch", torch.__version__, "threads", torch.get_num_threads(), *cpu)'
echo "PyTorch configs: $torch_configs (the table takes the faster per workload)"
echo

# The kernel's JVM flags: launch.sh's flags=( ... ) list, for the first calls.
kernel_flags=$(flags=(); eval "$(sed -n '/^flags=(/,/^)/p' "$root/kernel/kernelspec/launch.sh")"; echo "${flags[*]}")
kernel_flags="$kernel_flags -Xshare:auto -Djautograd.threads=$threads ${BENCH_JVM_ARGS:-}"
# And the kernel's class-data-sharing archive: install.sh trains it with one run of the kernel jar
# over the two notebooks (--warmup) listing the classes it loads, then dumps them into a static
# archive; here the same, with the benchmarks jar after the kernel jar on the class path (the
# library's classes come from the kernel jar, as in a kernel), so FirstCall starts as a kernel
# does. -Xshare:on checks once that the archive maps.
first_cp=$jar
if [ "$mode" != steady ] && [ -z "${BENCH_NO_CDS:-}" ]; then
    archive=$out/firstcall.jsa first_cp=$kernel_jar:$jar
    rm -f "$archive" "$out/firstcall.classlist"
    # shellcheck disable=SC2086  # a list of flags
    { "$java" $kernel_flags -XX:DumpLoadedClassList="$out/firstcall.classlist" -cp "$first_cp" dev.jautograd.kernel.Main \
          --warmup "$root/notebooks/autograd.ipynb" "$root/notebooks/training.ipynb" \
      && "$java" $kernel_flags -Xshare:dump -XX:SharedClassListFile="$out/firstcall.classlist" \
          -XX:SharedArchiveFile="$archive" -cp "$first_cp"; } > "$out/firstcall.jsa.log" 2>&1 || true
    # shellcheck disable=SC2086
    if "$java" $kernel_flags -XX:SharedArchiveFile="$archive" -Xshare:on -cp "$first_cp" dev.jautograd.bench.FirstCall --list \
            > /dev/null 2>> "$out/firstcall.jsa.log"; then
        kernel_flags="$kernel_flags -XX:SharedArchiveFile=$archive -Xlog:cds=off,cds+dynamic=off"
    else
        echo "warning: the class-data-sharing archive did not build or map (see $out/firstcall.jsa.log); first calls run without it" >&2
        first_cp=$jar
    fi
fi

steady_rounds=$rounds
if [ "$mode" = first ]; then steady_rounds=0; fi
for round in $(seq "$steady_rounds"); do
    "$java" -jar "$jar" -jvmArgsAppend "$jvm_args" -f 1 -wi "$warmup" -w "${seconds}s" -i "$runs" -r "${seconds}s" \
        -rf json -rff "$out/jmh.$round.json" "$filter" > "$out/jmh.$round.log" 2>&1 \
        || { tail -30 "$out/jmh.$round.log"; exit 1; }
    for config in $torch_configs; do
        # shellcheck disable=SC2046  # a list of VAR=value words
        env $(torch_env "$config") BENCH_RUNS=$runs BENCH_WARMUP=$warmup BENCH_RUN_SECONDS=$seconds \
            /usr/bin/python3 "$root/benchmarks/compare/torch_bench.py" "$filter" > "$out/torch.$round.$config.jsonl"
    done
done

# First calls: per round, per workload, a fresh JVM then a fresh python3, so load changes hit both.
if [ "$mode" != steady ]; then
    echo "first calls: $first_rounds fresh processes per workload and side; JVM flags: $kernel_flags"
    names=$("$java" -cp "$first_cp" dev.jautograd.bench.FirstCall --list | grep -E -- "$filter" || true)
    for round in $(seq "$first_rounds"); do
        for name in $names; do
            # shellcheck disable=SC2086  # a list of flags
            MALLOC_ARENA_MAX=2 "$java" $kernel_flags -cp "$first_cp" dev.jautograd.bench.FirstCall "$name" \
                2>/dev/null >> "$out/first.java.jsonl" || echo "FirstCall $name failed" >&2
            /usr/bin/python3 "$root/benchmarks/compare/torch_first.py" "$name" >> "$out/first.torch.jsonl" \
                || echo "torch_first.py $name failed" >&2
        done
    done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
/usr/bin/python3 "$root/benchmarks/compare/table.py" "$out"
