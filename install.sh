#!/usr/bin/env bash
# Builds the Java (autograd) Jupyter kernel, installs its kernelspec, and runs the Java seed
# notebook headless. Safe to run again, also while kernels run: an upgrade adds the new jar under
# a new name and then switches launch.sh to it with a rename, so a running kernel keeps its jar
# and a restart or a new start sees either the old or the new kernel, never a mix.
set -euo pipefail
# Everything installed must be readable by every user (a system-wide kernel serves a class),
# whatever the umask of whoever runs this; modes are also set explicitly below.
umask 022

KERNEL_NAME=java-autograd
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JUPYTER_DEBS=(jupyter-client jupyter-core jupyter-nbconvert jupyter-notebook python3-nbclient python3-ipykernel)

usage() {
    cat <<EOF
Usage: ./install.sh [--user | --sys-prefix | --prefix DIR] [--name NAME] [--jar PATH] [--no-run]

Builds kernel/target/jautograd-kernel.jar with Maven (tests skipped), installs the
"Java (autograd)" kernelspec ($KERNEL_NAME), then executes notebooks/autograd.ipynb with
jupyter nbconvert and writes notebooks/autograd.nbconvert.ipynb.

  --user          install for the current user (default)
  --sys-prefix    install into the Python prefix Jupyter runs from (e.g. /usr; needs root)
  --prefix DIR    install into DIR/share/jupyter/kernels (JupyterHub images, tests);
                  Jupyter finds it with JUPYTER_PATH=DIR/share/jupyter
  --name NAME     kernelspec name (default $KERNEL_NAME; notebooks record this name)
  --jar PATH      install this kernel jar instead of building one (no Maven needed)
  --no-run        install only; do not execute the notebook (the class-data-sharing archive
                  is then trained on one typical cell instead of the two notebooks)
  -h, --help      this help

Installed files are 0644 and folders 0755, owned by whoever runs this. Running it again
upgrades in place; running kernels go on, a restart gets the new version.

Needs a JDK >= 17 (JAVA_HOME or java/javac on PATH), Jupyter, and Maven unless --jar is given.
As root on Debian, missing Jupyter and Maven packages are installed with apt-get; nothing is
downloaded when everything is already there (Maven tries offline first).
EOF
}

die() { echo "install.sh: error: $*" >&2; exit 1; }
step() { echo "==> $*"; }

scope=user
prefix=""
run_notebook=1
JAR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --user) scope=user; prefix="" ;;
        --sys-prefix) scope=sys-prefix; prefix="" ;;
        --prefix)
            [[ $# -ge 2 && -n "$2" ]] || die "--prefix needs a directory"
            mkdir -p "$2" || die "cannot create prefix directory $2"
            prefix="$(cd "$2" && pwd)"; scope=prefix; shift ;;
        --name)
            [[ $# -ge 2 && "$2" =~ ^[A-Za-z0-9._-]+$ ]] || die "--name needs a kernelspec name (letters, digits, . _ -)"
            KERNEL_NAME="$2"; shift ;;
        --jar)
            [[ $# -ge 2 && -f "$2" ]] || die "--jar needs an existing jar file"
            JAR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
        --no-run) run_notebook=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done

is_debian_root() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
    step "Installing Debian packages: $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && -x "$JAVA_HOME/bin/javac" ]]; then
        echo "$JAVA_HOME/bin/java"
    elif command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
        readlink -f "$(command -v java)"
    fi
}

java_feature_version() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}

check_java() {
    JAVA="$(find_java)"
    [[ -n "$JAVA" ]] || die "no JDK found. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
    local version
    version="$(java_feature_version "$JAVA")"
    [[ "$version" =~ ^[0-9]+$ && "$version" -ge 17 ]] \
        || die "$JAVA is Java ${version:-unknown}; the kernel needs a JDK 17 or newer (set JAVA_HOME)."
    JAVA_FEATURE="$version"
    # Older 17 updates lack this flag and would refuse to start with it.
    NATIVE_TRIM=no
    "$JAVA" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1 && NATIVE_TRIM=yes
    # Maven compiles with the same JDK the kernel will run on.
    export JAVA_HOME="$(dirname "$(dirname "$JAVA")")"
    step "JDK $version at $JAVA_HOME"
}

find_jupyter() {
    if [[ -x /usr/bin/jupyter ]]; then echo /usr/bin/jupyter; else command -v jupyter || true; fi
}

jupyter_ready() {
    local jupyter="$1"
    [[ -n "$jupyter" ]] && "$jupyter" kernelspec --version >/dev/null 2>&1 \
        && "$jupyter" nbconvert --version >/dev/null 2>&1
}

check_jupyter() {
    JUPYTER="$(find_jupyter)"
    if ! jupyter_ready "$JUPYTER"; then
        is_debian_root || die "Jupyter (kernelspec and nbconvert) not found. Install it, e.g. on Debian:
    sudo apt-get install ${JUPYTER_DEBS[*]}"
        apt_install "${JUPYTER_DEBS[@]}"
        JUPYTER="$(find_jupyter)"
        jupyter_ready "$JUPYTER" || die "Jupyter still missing after apt-get install"
    fi
    step "Jupyter at $JUPYTER"
}

check_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        is_debian_root || die "Maven not found. Install it, e.g. on Debian: sudo apt-get install maven"
        apt_install maven
    fi
}

# Matrix products go through netlib's BLAS, which loads the system's libblas.so.3 (OpenBLAS is
# the fast one) and falls back to pure Java without it: optional, so only a note when missing.
check_blas() {
    # grep -q would close the pipe early and, under pipefail, fail the test with ldconfig's 141.
    if ldconfig -p 2>/dev/null | grep 'libblas\.so\.3' >/dev/null; then
        step "Native BLAS found (libblas.so.3): matrix products use it"
    elif is_debian_root; then
        apt_install libopenblas0
    else
        echo "    note: no native BLAS; matrix products use pure Java. For native speed: sudo apt-get install libopenblas0"
    fi
}

build_jar() {
    step "Building the kernel jar (mvn package, tests skipped)"
    local mvn=(mvn -B -q -Dstyle.color=never -DskipTests -pl kernel -am package)
    # Offline first: with the dependencies already in ~/.m2 no network is needed (offline images).
    (cd "$REPO" && "${mvn[@]}" -o >/dev/null 2>&1) || (cd "$REPO" && "${mvn[@]}") || die "Maven build failed"
    JAR="$REPO/kernel/target/jautograd-kernel.jar"
    [[ -f "$JAR" ]] || die "build did not produce $JAR"
}

# Where `jupyter kernelspec install` would put it: the same three places Jupyter searches.
kernels_dir() {
    case "$scope" in
        prefix) echo "$prefix/share/jupyter/kernels" ;;
        user) echo "$("$JUPYTER" --data-dir)/kernels" ;;
        sys-prefix)
            # The Python that runs jupyter (its #! line) decides sys.prefix, e.g. /usr.
            local python
            python="$(head -n 1 "$JUPYTER" | sed -n 's/^#! *\([^ ]*\).*/\1/p')"
            [[ -x "$python" ]] || python=python3
            echo "$("$python" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels" ;;
    esac
}

# Writes a file under its final name by a rename, so a reader sees the old or the new one whole.
put() {
    local source="$1" target="$2" temporary
    temporary="$(dirname "$target")/.$(basename "$target").new.$$"
    cp "$source" "$temporary" && chmod 0644 "$temporary" && mv -f "$temporary" "$target" \
        || { rm -f "$temporary"; die "cannot write $target"; }
}

install_kernelspec() {
    SPEC_DIR="$(kernels_dir)/$KERNEL_NAME"
    step "Installing kernelspec $KERNEL_NAME into $SPEC_DIR"
    mkdir -p "$SPEC_DIR" || die "cannot create $SPEC_DIR"
    chmod 0755 "$SPEC_DIR"
    # The jar's name carries its content hash: a new version goes beside the old one.
    local version
    version="$(sha256sum "$JAR" | cut -c1-12)"
    VERSIONED="jautograd-kernel-$version"
    [[ -f "$SPEC_DIR/$VERSIONED.jar" ]] && cmp -s "$JAR" "$SPEC_DIR/$VERSIONED.jar" \
        || put "$JAR" "$SPEC_DIR/$VERSIONED.jar"
    build_startup_cache
    local file
    for file in logo-32x32.png logo-64x64.png logo-svg.svg; do
        put "$REPO/kernel/kernelspec/$file" "$SPEC_DIR/$file"
    done
    local staged
    staged="$(mktemp)"
    trap 'rm -f "$staged"' RETURN
    sed -e "s#^JAVA=java #JAVA=${JAVA//#/\\#} #" -e "s#^JAR=jautograd-kernel.jar #JAR=$VERSIONED.jar #" \
        -e "s#^JAVA_FEATURE=17 #JAVA_FEATURE=$JAVA_FEATURE #" -e "s#^NATIVE_TRIM=no #NATIVE_TRIM=$NATIVE_TRIM #" \
        -e "s#^ARCHIVE_BYTES=0 #ARCHIVE_BYTES=$(archive_bytes) #" \
        "$REPO/kernel/kernelspec/launch.sh" > "$staged"
    grep "^JAVA=$JAVA " "$staged" >/dev/null && grep "^JAR=$VERSIONED.jar " "$staged" >/dev/null \
        || die "could not write the JDK and jar into launch.sh"
    # The switch: from this rename on, new starts and restarts run the new jar.
    put "$staged" "$SPEC_DIR/launch.sh"
    put "$REPO/kernel.json" "$SPEC_DIR/kernel.json"
    remove_unused_versions
}

# A class-data-sharing archive of the classes a kernel loads (JShell, javac, the kernel, the
# library, the graph layout), from one training run of the installed jar: `--warmup` runs a
# typical cell, unless --no-run every code cell of notebooks/autograd.ipynb and
# notebooks/training.ipynb, then the library's classroom paths at classroom sizes (an MLP step,
# softmax of a batch...). The run writes the list of classes it loaded; the JVM then dumps them
# into a static archive (-Xshare:dump). A static archive, not the dynamic one
# (-XX:ArchiveClassesAtExit) this script wrote before: a dynamic archive leaves out classes of
# class-file version 49 and older, and the graph layout's EMF is 800 such classes, which the
# first graph then loaded and verified from the jar (about 200 ms of training.ipynb's graph
# cell; docs/kernel.md, "Start-up cache"). The archive takes about a quarter off starting JShell
# and running the first cells. It is tied to this JDK and this jar's path; launch.sh uses it
# when present and the JVM silently starts without it when it no longer fits (a moved folder,
# an updated JDK).
# JDK 25's ahead-of-time cache (-XX:AOTCacheOutput) was measured in its place and dropped: with
# --add-modules it gets no full module graph, so it held fewer classes than the archive (4,308
# against 4,892 of a warm-up's 5,300, lambdas not archived), was twice its size (45 MB) and
# saved no CPU time (docs/kernel.md, "Start-up cache").
build_startup_cache() {
    local archive="$SPEC_DIR/$VERSIONED.jsa" training=(--warmup)
    [[ -s "$archive" ]] && return
    if [[ $run_notebook -eq 1 ]]; then
        training+=("$REPO/notebooks/autograd.ipynb")
        [[ -f "$REPO/notebooks/training.ipynb" ]] && training+=("$REPO/notebooks/training.ipynb")
    fi
    step "Building the class-data-sharing archive (a training run of the kernel, then the dump)"
    build_cache "$archive" "${training[@]}" \
        || echo "    (skipped: this JVM could not write the archive; the kernel starts without it)"
}

# The archive's size, for launch.sh to use it only whole (0 when there is none).
archive_bytes() {
    stat -c %s "$SPEC_DIR/$VERSIONED.jsa" 2>/dev/null || echo 0
}

# build_cache FINAL ARGS...: one training run (the jar with ARGS) listing the classes it loads,
# then the static archive of that list, written beside FINAL and renamed to it. The flags that
# shape the archive are launch.sh's, and its class path is the jar as launch.sh names it.
build_cache() {
    local final="$1" jar="$SPEC_DIR/$VERSIONED.jar" list temporary ok=1
    shift
    list="$SPEC_DIR/.$VERSIONED.classlist.new.$$" temporary="$SPEC_DIR/.$VERSIONED.jsa.new.$$"
    local shape=(--add-modules=jdk.incubator.vector -XX:+UseSerialGC)
    "$JAVA" -XX:DumpLoadedClassList="$list" "${shape[@]}" -jar "$jar" "$@" >/dev/null 2>&1 && [[ -s "$list" ]] \
        && "$JAVA" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$temporary" "${shape[@]}" \
            -cp "$jar" >/dev/null 2>&1 && [[ -s "$temporary" ]] \
        && chmod 0644 "$temporary" && mv -f "$temporary" "$final" && ok=0
    rm -f "$list" "$temporary"
    return $ok
}

# Old jars go once no process runs them (a kernel started before the upgrade keeps its jar
# until it ends; a later install removes it).
remove_unused_versions() {
    local old
    for old in "$SPEC_DIR"/jautograd-kernel*.jar; do
        [[ -e "$old" && "$(basename "$old")" != "$VERSIONED.jar" ]] || continue
        if jar_in_use "$old"; then
            echo "    kept $(basename "$old"): a running kernel uses it"
        else
            rm -f "$old" "${old%.jar}.jsa"
        fi
    done
    find "$SPEC_DIR" -maxdepth 1 -name '.*.new.*' -mmin +60 -delete 2>/dev/null || true
}

# Whether a process has this jar (this very file, by its folder) among its arguments, as
# launch.sh's `java ... -jar DIR/JAR` has. Builtins only: no helper process that names the jar.
jar_in_use() {
    local jar="$1" name="${1##*/}" real cmdline arg
    real="$(cd "${jar%/*}" && pwd -P)"
    for cmdline in /proc/[0-9]*/cmdline; do
        while IFS= read -r -d '' arg; do
            if [[ "$arg" == */"$name" && "$(cd "${arg%/*}" 2>/dev/null && pwd -P)" == "$real" ]]; then
                return 0
            fi
        done 2>/dev/null < "$cmdline"
    done
    return 1
}

run_seed_notebook() {
    if [[ -n "$prefix" ]]; then
        export JUPYTER_PATH="$prefix/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
    fi
    step "Executing notebooks/autograd.ipynb headless"
    "$JUPYTER" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
        --output autograd.nbconvert.ipynb "$REPO/notebooks/autograd.ipynb" \
        || die "executing notebooks/autograd.ipynb failed"
    echo "Executed notebook: $REPO/notebooks/autograd.nbconvert.ipynb"
}

check_java
check_jupyter
check_blas
if [[ -z "$JAR" ]]; then
    check_maven
    build_jar
fi
install_kernelspec
if [[ $run_notebook -eq 1 ]]; then
    run_seed_notebook
fi
step "Done. Pick \"Java (autograd)\" in Jupyter."
