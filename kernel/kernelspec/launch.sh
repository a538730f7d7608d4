#!/bin/bash
# Starts the Java (autograd) kernel: kernel.json runs `bash {resource_dir}/launch.sh CONNECTION_FILE`.
#
# The JVM flags below are the kernel's defaults, chosen from measurements (README, "For teachers
# and JupyterHub admins"; benchmarks/kernel/memory.py). Admins change them with one knob:
#   JAUTOGRAD_JAVA_OPTS   extra JVM flags, placed after the defaults so they win, e.g. "-Xmx1g".
# Set it in the notebook server's environment (JupyterHub: c.Spawner.environment) or in the
# "env" of this folder's kernel.json. install.sh fills in the settings below.
JAVA=java                         # the JDK install.sh found (absolute path)
JAR=jautograd-kernel.jar          # versioned on install, so an upgrade never touches a running kernel's jar
JAVA_FEATURE=17                   # the JDK's feature version
NATIVE_TRIM=no                    # yes when the JDK has -XX:TrimNativeHeapInterval (17.0.11+, 21.0.3+, 22+)
ARCHIVE_BYTES=0                   # the size of the class-data archive install.sh wrote (0: none)
here="$(dirname "$0")"

flags=(
    --add-modules=jdk.incubator.vector   # the Vector API: SIMD exp/sigmoid and the pure-Java matmul
    -XX:+UseSerialGC                     # one GC thread, smallest footprint; pauses are short for notebook heaps
    -Xms8m                               # start small; the heap grows as cells need it
    -XX:MaxRAMPercentage=25              # cap: a quarter of the machine's or the container's (cgroup) memory
    -XX:MinHeapFreeRatio=30              # after a full GC keep less free heap than the JVM's 40/70 (20 made
    -XX:MaxHeapFreeRatio=40              #   a growing heap's full GCs too many), and shrink to it at once:
    -XX:-ShrinkHeapInSteps               #   the kernel runs one when idle with a big heap (IdleCollector)
    -XX:SurvivorRatio=2                  # survivor spaces that hold a batch's transients (4 MB arrays of a
                                         #   1000x1000 cross-entropy), so they die young instead of filling the
                                         #   old generation (docs/performance.md, "In the kernel")
)
# The JIT compilers' scratch memory (arena chunks, ~15 MB after start-up) stays in glibc's heap
# after use; trimming it every few seconds takes an idle kernel from ~130 to ~112 MiB PSS.
if [[ "$NATIVE_TRIM" == yes ]]; then
    flags+=(-XX:TrimNativeHeapInterval=5000)
fi
# Class-data sharing: classes of JShell, javac and the kernel mapped from an archive built at
# install time. A moved folder or an updated JDK makes it unusable: the JVM then starts without
# it, and these keep its complaint out of the server's log. A truncated one (a copy cut short, a
# full disk) is not refused but crashes JDK 17 as it maps it (SIGBUS): the archive is used only
# at the size install.sh wrote.
archive="$here/${JAR%.jar}.jsa"
if (( ARCHIVE_BYTES > 0 )) && [[ -r "$archive" ]] && (( $(stat -c %s "$archive" 2>/dev/null || echo 0) == ARCHIVE_BYTES )); then
    flags+=(-XX:SharedArchiveFile="$archive")
fi
flags+=(-Xshare:auto -Xlog:cds=off,cds+dynamic=off)
if (( JAVA_FEATURE >= 24 )); then
    flags+=(-Xlog:aot=off)
fi
# glibc gives every thread that mallocs its own 64 MB arena; two are plenty for a kernel.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" on every start, with no
# flag to turn it off; that one line is dropped from the log, everything else on stderr passes.
# shellcheck disable=SC2086  # JAUTOGRAD_JAVA_OPTS is a list of flags: split it into words
exec "$JAVA" "${flags[@]}" ${JAUTOGRAD_JAVA_OPTS:-} -jar "$here/$JAR" "$@" \
    2> >(grep --line-buffered -v '^WARNING: Using incubator modules: jdk.incubator.vector$' >&2)
