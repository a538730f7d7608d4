"""A live Notebook 6 server and Debian's Chromium (driven by playwright-core from
kernel/src/test/browser, installed by `npm ci`) for the tests that look at a notebook as a user
does: test_untrusted_notebook (someone else's executed notebook) and test_live_run_all (Restart &
Run All). The server runs on 127.0.0.1 with a free port, a random token and fresh Jupyter dirs,
and inherits JUPYTER_PATH: the kernel installed in its temporary prefix (kernel_env).
"""
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

BROWSER_DIR = pathlib.Path(__file__).resolve().parent.parent / "browser"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServer:
    """jupyter-notebook (Notebook 6) over a notebook dir, with its own config, data and runtime dirs."""

    def __init__(self, root):
        self.root = root
        self.port = free_port()
        self.token = secrets.token_hex(16)
        env = dict(os.environ)
        for name in ["config", "data", "runtime"]:
            (root / name).mkdir()
        env.update(JUPYTER_CONFIG_DIR=str(root / "config"), JUPYTER_DATA_DIR=str(root / "data"),
                   JUPYTER_RUNTIME_DIR=str(root / "runtime"))
        self.log = open(root / "server.log", "w")
        self.process = subprocess.Popen(
            ["/usr/bin/jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1",
             f"--port={self.port}", "--port-retries=0", f"--NotebookApp.token={self.token}",
             f"--notebook-dir={root / 'notebooks'}"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("notebook server exited: " + (self.root / "server.log").read_text())
            try:
                with urllib.request.urlopen(f"{self.url('api/status')}", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("notebook server not ready: " + (self.root / "server.log").read_text())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def stop(self):
        # SIGTERM: Notebook 6 stops its loop, then shuts its kernels down.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def browser_missing():
    if shutil.which("chromium") is None:
        return "chromium not installed (apt-get install -y chromium)"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return f"playwright-core not installed (cd {BROWSER_DIR} && npm ci)"
    return None


def browse(root, notebook, script, screenshot, artifacts, timeout, *script_args):
    """Serves root/notebooks, runs kernel/src/test/browser/<script> on root/notebooks/<notebook>
    and returns what it saw (its JSON). The server log and the findings are kept in artifacts."""
    artifacts.mkdir(parents=True, exist_ok=True)
    server = NotebookServer(root)
    try:
        server.wait_ready()
        run = subprocess.run(
            ["node", str(BROWSER_DIR / script), server.url("notebooks/" + notebook), str(screenshot),
             str(root / "chromium-profile"), *map(str, script_args)],
            cwd=BROWSER_DIR, capture_output=True, text=True, timeout=timeout)
    finally:
        server.stop()
        shutil.copy(root / "server.log", artifacts / "server.log")
    if run.returncode != 0:
        raise AssertionError("browser run failed: " + run.stderr[-3000:])
    seen = json.loads(run.stdout)
    (artifacts / "seen.json").write_text(json.dumps(seen, indent=1), encoding="utf-8")
    return seen
