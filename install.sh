#!/usr/bin/env bash
# Builds the Java (autograd) Jupyter kernel, installs its kernelspec, and runs the Java seed
# notebook headless. Safe to run again: every step replaces what the previous run left.
set -euo pipefail
# Everything installed must be readable by every user (a system-wide kernel serves a class):
# mktemp -d makes 0700 folders and a root umask may be 077, so fix both.
umask 022

KERNEL_NAME=java-autograd
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JUPYTER_DEBS=(jupyter-client jupyter-core jupyter-nbconvert jupyter-notebook python3-nbclient python3-ipykernel)

usage() {
    cat <<EOF
Usage: ./install.sh [--user | --sys-prefix | --prefix DIR] [--no-run]

Builds kernel/target/jautograd-kernel.jar with Maven (tests skipped), installs the
"Java (autograd)" kernelspec ($KERNEL_NAME), then executes notebooks/autograd.ipynb with
jupyter nbconvert and writes notebooks/autograd.nbconvert.ipynb.

  --user          install for the current user (default)
  --sys-prefix    install into the Python prefix Jupyter runs from (e.g. /usr; needs root)
  --prefix DIR    install into DIR/share/jupyter/kernels (JupyterHub images, tests);
                  Jupyter finds it with JUPYTER_PATH=DIR/share/jupyter
  --no-run        install only; do not execute the notebook
  -h, --help      this help

Needs a JDK >= 17 (JAVA_HOME or java/javac on PATH), Maven, and Jupyter. As root on Debian,
missing Jupyter and Maven packages are installed with apt-get.
EOF
}

die() { echo "install.sh: error: $*" >&2; exit 1; }
step() { echo "==> $*"; }

scope=(--user)
prefix=""
run_notebook=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --user) scope=(--user); prefix="" ;;
        --sys-prefix) scope=(--sys-prefix); prefix="" ;;
        --prefix)
            [[ $# -ge 2 && -n "$2" ]] || die "--prefix needs a directory"
            mkdir -p "$2" || die "cannot create prefix directory $2"
            prefix="$(cd "$2" && pwd)"; scope=(--prefix "$prefix"); shift ;;
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
    (cd "$REPO" && mvn -B -q -Dstyle.color=never -DskipTests -pl kernel -am package) || die "Maven build failed"
    JAR="$REPO/kernel/target/jautograd-kernel.jar"
    [[ -f "$JAR" ]] || die "build did not produce $JAR"
}

install_kernelspec() {
    local staging
    staging="$(mktemp -d)"
    trap 'rm -rf "$staging"' RETURN
    chmod 0755 "$staging"
    cp "$JAR" "$staging/jautograd-kernel.jar"
    # The template says "java"; Jupyter may start the kernel with another PATH, so pin this JDK.
    sed "s#^\([[:space:]]*\)\"java\",\$#\1\"${JAVA//#/\\#}\",#" "$REPO/kernel.json" > "$staging/kernel.json"
    grep -q "\"$JAVA\"" "$staging/kernel.json" || die "could not write the java path into kernel.json"
    step "Installing kernelspec $KERNEL_NAME (${scope[*]})"
    local log
    log="$("$JUPYTER" kernelspec install --replace --name "$KERNEL_NAME" "${scope[@]}" "$staging" 2>&1)" \
        || { echo "$log" >&2; die "jupyter kernelspec install failed"; }
    echo "$log"
    SPEC_DIR="$(sed -n "s/.*Installed kernelspec $KERNEL_NAME in //p" <<< "$log" | tail -n 1)"
    [[ -n "$SPEC_DIR" && -f "$SPEC_DIR/kernel.json" ]] || die "cannot tell where the kernelspec was installed"
}

# A class-data-sharing archive of the classes JShell and javac load takes about a quarter off
# starting JShell and running the first cells (--warmup: 1.9 s -> 1.4 s, median of 5). It is tied
# to this JDK and this jar, so it is built here, next to the installed jar; if the JDK changes,
# the JVM warns and starts without it.
build_cds_archive() {
    local archive="$SPEC_DIR/jautograd-kernel.jsa"
    step "Building the class-data-sharing archive"
    rm -f "$archive"
    if "$JAVA" -XX:ArchiveClassesAtExit="$archive" --add-modules=jdk.incubator.vector -XX:+UseSerialGC \
            -jar "$SPEC_DIR/jautograd-kernel.jar" --warmup >/dev/null 2>&1 && [[ -s "$archive" ]]; then
        sed -i "s#^\([[:space:]]*\)\"-jar\",\$#\1\"-XX:SharedArchiveFile={resource_dir}/jautograd-kernel.jsa\",\n\1\"-jar\",#" \
            "$SPEC_DIR/kernel.json"
        grep -q SharedArchiveFile "$SPEC_DIR/kernel.json" || die "could not add the archive to kernel.json"
    else
        echo "    (skipped: this JVM could not write the archive; the kernel starts without it)"
    fi
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
check_maven
check_blas
build_jar
install_kernelspec
build_cds_archive
if [[ $run_notebook -eq 1 ]]; then
    run_seed_notebook
fi
step "Done. Pick \"Java (autograd)\" in Jupyter."
