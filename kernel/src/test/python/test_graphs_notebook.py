"""Runs notebooks/graphs.ipynb on the kernel, checks its computation graphs come back as SVG with
the notebook's variable names in them, exports the notebook with nbconvert, and opens the HTML
in headless Chromium served from 127.0.0.1 to check the SVGs are laid out with a real size.

Artifacts (for CI): kernel/target/graphs/ holds the executed notebook, the HTML, the DOM
Chromium saw and a screenshot, whose path is printed.
"""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
import unittest
import xml.etree.ElementTree as ET

import nbclient
import nbconvert
import nbformat

import kernel_env

kernel_env.install()
NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "graphs.ipynb"
ARTIFACTS = kernel_env.KERNEL_JAR.parent / "graphs"
SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Measured in the page itself: the rendered size of every graph, written where --dump-dom shows it.
MEASURE = """<script>
document.body.setAttribute('data-jag-sizes', Array.from(document.querySelectorAll('svg.jag'))
  .map(function (s) { var r = s.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); })
  .join(' '));
</script>"""

# Background and text colour as the browser resolved them, for the theme test.
THEME_PROBE = """<script>
var svg = document.querySelector('svg.jag');
document.body.setAttribute('data-jag-theme', getComputedStyle(svg.querySelector('.jag-bg')).fill + '|'
  + getComputedStyle(svg.querySelector('text')).fill);
</script>"""


@functools.lru_cache(maxsize=1)
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=180, kernel_name=kernel_env.KERNEL_NAME,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, ARTIFACTS / "graphs.executed.ipynb")
    return notebook


def graph_outputs(notebook):
    """(cell source, text/plain, list of SVG text lines) for each output carrying an SVG."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                root = ET.fromstring(data["image/svg+xml"])
                texts = [t.text for t in root.iter(SVG + "text")]
                found.append((cell.source, data["text/plain"], texts))
    return found


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output is for results, not request logs
        pass


def chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)


class GraphsNotebookTest(unittest.TestCase):
    def test_cells_run_without_errors(self):
        errors = [o for c in executed().cells for o in c.get("outputs", []) if o["output_type"] == "error"]
        self.assertEqual(errors, [])

    def test_graphs_are_svg_named_after_notebook_variables(self):
        graphs = graph_outputs(executed())
        self.assertEqual(len(graphs), 5, [source for source, _, _ in graphs])
        _, plain, seed = graphs[0]
        self.assertTrue(plain.startswith("autograd graph of y (1): 5 functions, 2 leaves"), plain)
        for label in ["y", "a", "b", "SubBackward0", "PowBackward0", "AccumulateGrad", "(1)"]:
            self.assertIn(label, seed)
        _, _, shown = graphs[1]
        self.assertIn("exponent=3", shown)
        _, _, after = graphs[2]
        for label in ["grad=tensor([75.])", "grad=tensor([-12.])", "saved: freed by backward()"]:
            self.assertIn(label, after)
        _, _, loss = graphs[3]
        for label in ["loss", "w", "x", "b", "RsubBackward1", "AddBackward0", "MmBackward0"]:
            self.assertIn(label, loss)
        _, _, mlp = graphs[4]
        for label in ["mse", "w1", "b1", "w2", "b2", "MeanBackward0", "ReluBackward0"]:
            self.assertIn(label, mlp)

    def test_html_export_and_real_browser_show_the_svgs(self):
        body, _ = nbconvert.HTMLExporter().from_notebook_node(executed())
        self.assertIn('<svg xmlns="http://www.w3.org/2000/svg" class="jag"', body)
        self.assertIn(">SubBackward0</text>", body)
        html_file = ARTIFACTS / "graphs.html"
        html_file.write_text(body.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
        if shutil.which("chromium") is None:
            self.skipTest("chromium not installed (apt-get install -y chromium)")
        handler = functools.partial(QuietHandler, directory=str(ARTIFACTS))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/graphs.html"
            dom = chromium("--virtual-time-budget=10000", "--dump-dom", url).stdout
            screenshot = ARTIFACTS / "graphs.png"
            chromium("--virtual-time-budget=10000", f"--screenshot={screenshot}", "--window-size=1200,2000", url)
        finally:
            server.shutdown()
            server.server_close()
        (ARTIFACTS / "graphs.dom.html").write_text(dom, encoding="utf-8")
        print(f"\nscreenshot: {screenshot}", flush=True)
        sizes = dom.split('data-jag-sizes="', 1)[1].split('"', 1)[0].split() if "data-jag-sizes" in dom else []
        self.assertEqual(len(sizes), 5, "rendered graph sizes: " + repr(sizes))
        for size in sizes:
            width, height = map(int, size.split("x"))
            self.assertTrue(width > 0 and height > 0, size)
        for label in [">SubBackward0<", ">a<", ">loss<", ">RsubBackward1<", ">grad=tensor([75.])<"]:
            self.assertIn(label, dom)
        self.assertTrue(screenshot.read_bytes().startswith(b"\x89PNG"), "no screenshot written")


    def test_theme_follows_jupyter_variables_then_the_system_scheme(self):
        if shutil.which("chromium") is None:
            self.skipTest("chromium not installed (apt-get install -y chromium)")
        svg = (kernel_env.REPO_ROOT / "docs" / "img" / "seed-graph.svg").read_text(encoding="utf-8")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        jupyter_theme = "<style>:root{--jp-layout-color0:#111111;--jp-ui-font-color1:#eeeeee}</style>"
        cases = [("plain", "", [], "rgb(255, 255, 255)|rgb(31, 35, 40)"),
                 ("plain", "", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"],
                  "rgb(13, 17, 23)|rgb(230, 237, 243)"),
                 ("jupyter", jupyter_theme, ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"],
                  "rgb(17, 17, 17)|rgb(238, 238, 238)")]
        for name, head, flags, expected in cases:
            page = ARTIFACTS / f"theme-{name}.html"
            page.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{svg}{THEME_PROBE}</body></html>",
                            encoding="utf-8")
            dom = chromium(*flags, "--dump-dom", page.as_uri()).stdout
            with self.subTest(page=name, flags=flags):
                self.assertIn(f'data-jag-theme="{expected}"', dom)


if __name__ == "__main__":
    unittest.main()
