"""Opens the executed graph notebook (test_graphs_notebook's) in Notebook 6 as a student would open
a notebook someone else ran: not trusted. Debian's jupyter-notebook serves it on 127.0.0.1 (free
port, random token) with a fresh JUPYTER_DATA_DIR, so no trust database knows the notebook; Debian's
Chromium, driven by playwright-core (kernel/src/test/browser, installed by `npm ci`), loads it.

Checked: the page says "Not Trusted"; every graph is an <img> that loaded, shown at its own size
(not shrunk); no graph label shows as text (the jumbled text a sanitised inline SVG leaves); a
tensor's facts read as plain lines. The screenshot is kernel/target/untrusted/notebook.png.
"""
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

import nbformat

import kernel_env
import test_graphs_notebook

BROWSER_DIR = pathlib.Path(__file__).resolve().parent.parent / "browser"
ARTIFACTS = kernel_env.KERNEL_JAR.parent / "untrusted"


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


class UntrustedNotebookTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = browser_missing()
        if missing:
            raise unittest.SkipTest(missing)
        notebook = test_graphs_notebook.executed()
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-untrusted-"))
        (cls.tmp / "notebooks").mkdir()
        nbformat.write(notebook, cls.tmp / "notebooks" / "graphs.ipynb")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        cls.screenshot = ARTIFACTS / "notebook.png"
        server = NotebookServer(cls.tmp)
        try:
            server.wait_ready()
            run = subprocess.run(
                ["node", str(BROWSER_DIR / "untrusted_notebook.js"), server.url("notebooks/graphs.ipynb"),
                 str(cls.screenshot), str(cls.tmp / "chromium-profile")],
                cwd=BROWSER_DIR, capture_output=True, text=True, timeout=180)
        finally:
            server.stop()
        shutil.copy(cls.tmp / "server.log", ARTIFACTS / "server.log")
        if run.returncode != 0:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise AssertionError("browser run failed: " + run.stderr[-3000:])
        cls.seen = json.loads(run.stdout)
        (ARTIFACTS / "seen.json").write_text(json.dumps(cls.seen, indent=1), encoding="utf-8")
        print(f"\nscreenshot: {cls.screenshot}", flush=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_the_notebook_is_not_trusted(self):
        self.assertEqual(self.seen["trusted"], "Not Trusted")

    def test_every_graph_is_an_image_that_loaded_at_its_own_size(self):
        graphs = [i for i in self.seen["images"] if "jag-graph" in i["cls"]]
        self.assertEqual(len(graphs), test_graphs_notebook.GRAPHS, self.seen["images"])
        for image in graphs:
            with self.subTest(image=image["alt"]):
                self.assertTrue(image["src"].startswith("data:image/svg+xml"), image)
                self.assertGreater(image["naturalWidth"], 0, image)
                self.assertGreater(image["naturalHeight"], 0, image)
                self.assertEqual(image["width"], image["naturalWidth"], "shrunk: " + repr(image))
        self.assertEqual(self.seen["svgs"], 0)

    def test_no_graph_text_shows_jumbled(self):
        for text in self.seen["rich"]:
            for label in ["Backward0", "AccumulateGrad", "autograd graph of", "jag-"]:
                self.assertNotIn(label, text)

    def test_a_tensor_reads_as_plain_lines(self):
        self.assertIn("tensor([5.], requires_grad=True)\n"
                      "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf\n"
                      "grad: tensor([75.])", self.seen["tensors"])

    def test_the_screenshot_is_a_png(self):
        self.assertTrue(self.screenshot.read_bytes().startswith(b"\x89PNG"))


if __name__ == "__main__":
    unittest.main()
