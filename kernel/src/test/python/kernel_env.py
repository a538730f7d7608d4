"""Installs the freshly built kernel into a throw-away Jupyter prefix, once per test run.

The kernelspec is the repo's kernel.json with the shaded jar beside it, installed with
`jupyter kernelspec install --prefix`, and JUPYTER_PATH points at it, so the tests never touch
the user's own Jupyter setup. argv[0] is made absolute, as install.sh does.
"""
import atexit
import json
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


def install():
    """Returns the Jupyter data dir holding the kernelspec; sets JUPYTER_PATH for this process."""
    global _prefix
    if _prefix is None:
        if not KERNEL_JAR.exists():
            raise RuntimeError(f"{KERNEL_JAR} missing: run `mvn package` first")
        _prefix = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-jupyter-"))
        atexit.register(shutil.rmtree, _prefix, True)
        spec_dir = _prefix / "spec"
        spec_dir.mkdir()
        spec = json.loads((REPO_ROOT / "kernel.json").read_text())
        spec["argv"][0] = java_executable()
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=2))
        shutil.copy(KERNEL_JAR, spec_dir / "jautograd-kernel.jar")
        subprocess.run(["/usr/bin/jupyter", "kernelspec", "install", "--prefix", str(_prefix / "pfx"),
                        "--name", KERNEL_NAME, str(spec_dir)], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = str(_prefix / "pfx" / "share" / "jupyter")
    return os.environ["JUPYTER_PATH"]
