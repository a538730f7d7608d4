"""Installs the freshly built kernel into a throw-away Jupyter prefix, once per test run.

The kernelspec is what users get: install.sh --prefix TMP --jar (the shaded jar, no Maven
build, no notebook run), and JUPYTER_PATH points at it, so the tests never touch the user's
own Jupyter setup. The JDK is JAVA_HOME's when set, as for install.sh.
"""
import atexit
import os
import pathlib
import shutil
import subprocess
import tempfile

KERNEL_NAME = "java-autograd"
HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = pathlib.Path(os.environ.get("JAUTOGRAD_REPO_ROOT") or HERE.parents[3]).resolve()
KERNEL_JAR = pathlib.Path(
    os.environ.get("JAUTOGRAD_KERNEL_JAR") or REPO_ROOT / "kernel" / "target" / "jautograd-kernel.jar")

_prefix = None


def java_executable():
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (pathlib.Path(java_home) / "bin" / "java").exists():
        return str(pathlib.Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise RuntimeError("no java on PATH and no JAVA_HOME")
    return os.path.realpath(found)


def run_install(*args, env=None, timeout=600):
    """install.sh with this JDK; returns the CompletedProcess (text output)."""
    env = dict(env or os.environ, JAVA_HOME=str(pathlib.Path(java_executable()).parents[1]))
    return subprocess.run(["bash", str(REPO_ROOT / "install.sh"), *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def install():
    """Returns the Jupyter data dir holding the kernelspec; sets JUPYTER_PATH for this process."""
    global _prefix
    if _prefix is None:
        if not KERNEL_JAR.exists():
            raise RuntimeError(f"{KERNEL_JAR} missing: run `mvn package` first")
        _prefix = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-jupyter-"))
        atexit.register(shutil.rmtree, _prefix, True)
        result = run_install("--prefix", str(_prefix / "pfx"), "--jar", str(KERNEL_JAR), "--no-run")
        if result.returncode != 0:
            raise RuntimeError("install.sh failed:\n" + result.stdout + result.stderr)
        os.environ["JUPYTER_PATH"] = str(_prefix / "pfx" / "share" / "jupyter")
    return os.environ["JUPYTER_PATH"]
