"""Runs notebooks/graphs.ipynb on the kernel (plus a tensor and a wide graph), checks its
computation graphs come back as SVG and PNG with the notebook's variable names in them, exports the
notebook with nbconvert, and opens the HTML in headless Chromium served from 127.0.0.1 to check the
graphs load as images with a real size. test_untrusted_notebook.py opens the same executed
notebook in Notebook 6, where it is not trusted.

Artifacts (for CI): kernel/target/graphs/ holds the executed notebook, the HTML, the DOM
Chromium saw and a screenshot, whose path is printed.
"""
import base64
import functools
import http.server
import os
import pathlib
import struct
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
# Measured in the page itself once images have loaded: each graph image's natural and rendered
# width, written where --dump-dom shows it.
MEASURE = """<script>
window.addEventListener('load', function () {
  document.body.setAttribute('data-jag-sizes', Array.from(document.querySelectorAll('img.jag-graph'))
    .map(function (i) { return i.naturalWidth + 'x' + i.naturalHeight + '@' + Math.round(i.getBoundingClientRect().width); })
    .join(' '));
});
</script>"""

# Appended to graphs.ipynb for the tests: a tensor's rich output and a graph too wide to draw top
# to bottom (32 leaves multiplied pairwise: one layer of 32 boxes).
EXTRA_CELLS = [
    "a",
    """var ws = new ArrayList<Tensor>();
for (int i = 0; i < 32; i++) ws.add(Torch.ones(1).requiresGrad_());
var level = new ArrayList<Tensor>(ws);
while (level.size() > 1) {
    var next = new ArrayList<Tensor>();
    for (int i = 0; i < level.size(); i += 2) next.add(level.get(i).mul(level.get(i + 1)));
    level = next;
}
var product = level.get(0);
Viz.makeDot(product)""",
]
GRAPHS = 8  # five graphs and two backward explanations in graphs.ipynb, the wide one
TENSOR_HTML = ("<pre class=\"jautograd-tensor\">tensor([5.], requires_grad=True)\n"
               "<small>torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf</small>\n"
               "<small>grad: tensor([75.])</small></pre>")

# Background and text colour as the browser resolved them, for the theme test.
THEME_PROBE = """<script>
var svg = document.querySelector('svg.jag');
document.body.setAttribute('data-jag-theme', getComputedStyle(svg.querySelector('.jag-bg')).fill + '|'
  + getComputedStyle(svg.querySelector('text')).fill);
</script>"""


@functools.lru_cache(maxsize=1)
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.extend(nbformat.v4.new_code_cell(source) for source in EXTRA_CELLS)
    nbclient.NotebookClient(notebook, timeout=180, kernel_name=kernel_env.KERNEL_NAME,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, ARTIFACTS / "graphs.executed.ipynb")
    return notebook


def graph_outputs(notebook):
    """(cell source, text/plain, list of SVG text lines) for each output carrying an SVG."""
    return [(source, output["data"]["text/plain"], texts) for source, output, texts in graph_output_items(notebook)]


def graph_output_items(notebook):
    """(cell source, the output, list of SVG text lines) for each output carrying an SVG."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                root = ET.fromstring(data["image/svg+xml"])
                texts = [t.text for t in root.iter(SVG + "text")]
                found.append((cell.source, output, texts))
    return found


def png_size(png):
    """Width and height from a PNG's IHDR chunk, after checking its signature."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output is for results, not request logs
        pass


def chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)


def open_in_chromium(directory, page, window_size):
    """Serves `directory` on a free loopback port and opens `page` in headless Chromium: returns
    the DOM after scripts ran (also kept as <page>.dom.html) and the screenshot's path (<page>.png)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stem = page.rsplit(".", 1)[0]
    screenshot = directory / f"{stem}.png"
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        dom = chromium("--virtual-time-budget=10000", "--dump-dom", url).stdout
        chromium("--virtual-time-budget=10000", f"--screenshot={screenshot}", f"--window-size={window_size}", url)
    finally:
        server.shutdown()
        server.server_close()
    (directory / f"{stem}.dom.html").write_text(dom, encoding="utf-8")
    print(f"\nscreenshot: {screenshot}", flush=True)
    return dom, screenshot


class GraphsNotebookTest(unittest.TestCase):
    def test_cells_run_without_errors(self):
        errors = [o for c in executed().cells for o in c.get("outputs", []) if o["output_type"] == "error"]
        self.assertEqual(errors, [])

    def test_graphs_are_svg_named_after_notebook_variables(self):
        graphs = graph_outputs(executed())
        self.assertEqual(len(graphs), GRAPHS, [source for source, _, _ in graphs])
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

    def test_every_graph_is_also_a_png_of_twice_its_size_and_an_img_in_html(self):
        for source, output, _ in graph_output_items(executed()):
            with self.subTest(cell=source[:40]):
                data, metadata = output["data"], output["metadata"]
                self.assertEqual(list(data), ["text/plain", "text/html", "image/svg+xml", "image/png"])
                width, height = png_size(base64.b64decode(data["image/png"]))
                css = metadata["image/png"]
                # 2x, or a little less for a picture whose 2x would pass 6 megapixels.
                scale = 2 if css["width"] * css["height"] * 4 <= 6_000_000 else width / css["width"]
                self.assertGreater(scale, 1.5)
                self.assertLessEqual(abs(width - scale * css["width"]), 2, (width, css))
                self.assertLessEqual(abs(height - scale * css["height"]), 2, (height, css))
                html = data["text/html"]
                self.assertTrue(html.startswith('<img class="jag-graph unconfined" src="data:image/svg+xml;base64,'))
                svg = base64.b64decode(html.split("base64,", 1)[1].split('"', 1)[0]).decode("utf-8")
                self.assertEqual(svg, data["image/svg+xml"])

    def test_text_plain_reads_on_its_own(self):
        _, plain, _ = graph_outputs(executed())[0]
        self.assertEqual(plain.splitlines(), ["autograd graph of y (1): 5 functions, 2 leaves",
                                              "y (1)",
                                              "\u2514\u2500 SubBackward0",
                                              "   \u251c\u2500 PowBackward0",
                                              "   \u2502  \u2514\u2500 AccumulateGrad",
                                              "   \u2502     \u2514\u2500 a (1)",
                                              "   \u2514\u2500 PowBackward0",
                                              "      \u2514\u2500 AccumulateGrad",
                                              "         \u2514\u2500 b (1)"])

    def test_the_loss_graph_is_not_said_to_be_freed(self):
        # b holds a gradient from y's backward(); loss's own graph has not been backpropagated.
        _, plain, loss = graph_outputs(executed())[3]
        self.assertNotIn("freed", plain)
        self.assertFalse(any("freed" in text for text in loss), loss)

    def test_to_dot_keeps_the_names_the_picture_shows(self):
        cell = next(c for c in executed().cells if c.source.startswith("System.out.println(picture.toDot())"))
        dot = "".join(o.get("text", "") for o in cell.outputs if o["output_type"] == "stream")
        for label in ['label="mse\\n()"', 'label="w1\\n(3, 5)"', 'label="b2\\n(1)"']:
            self.assertIn(label, dot)

    def test_a_wide_graph_keeps_full_size_labels(self):
        _, output, texts = graph_output_items(executed())[-1]
        self.assertIn("product", texts)
        self.assertLess(output["metadata"]["image/png"]["width"], 1100)  # not the 4,700 px top-down layout

    def test_the_backward_explanation_checks_the_seed_comment(self):
        # The seed's "dy/da = 3*a**2 = 75": the formula, its value, and a.grad from backward() agreeing.
        graphs = graph_output_items(executed())
        source, output, texts = next(g for g in graphs if g[0].endswith("Explain.backward(y)"))
        plain = output["data"]["text/plain"]
        self.assertIn("\u2192 self (to a): grad \u00b7 3\u00b7self\u00b2 = [75.]", plain)
        self.assertIn("a.grad = [75.] \u2713", plain)
        self.assertIn("b.grad = [-12.] \u2713", plain)
        for line in ["\u2192 self: grad \u00b7 3\u00b7self\u00b2 = [75.]", "\u2192 other: -grad = [-1.]",
                     "a.grad = [75.] \u2713"]:
            self.assertIn(line, texts)
        _, stepped, step_texts = next(g for g in graphs if "view.update" in g[0])
        self.assertEqual(stepped["output_type"], "display_data")  # kept in its final state: all 5 steps
        self.assertEqual([t for t in step_texts if t.startswith("\u25b6")], ["\u25b6 step 5 \u00b7 grad in: [75.]"])
        cell = next(c for c in executed().cells if c.source.startswith("System.out.println(steps.toText())"))
        text = "".join(o.get("text", "") for o in cell.outputs if o["output_type"] == "stream")
        self.assertTrue(text.startswith("backward of y: 5 steps, in the order the engine ran them\n"), text)

    def test_a_tensor_shows_its_facts_without_styles(self):
        cell = next(c for c in executed().cells if c.source == "a")
        self.assertEqual(cell.outputs[0]["data"]["text/html"], TENSOR_HTML)

    def test_html_export_and_real_browser_show_the_graphs(self):
        body, _ = nbconvert.HTMLExporter().from_notebook_node(executed())
        self.assertEqual(body.count('<img class="jag-graph unconfined" src="data:image/svg+xml;base64,'), GRAPHS)
        # Each graph's text is only its image's alt text: no SVG inlined for a cleaner to jumble.
        self.assertEqual(body.count("autograd graph of"), body.count('alt="autograd graph of'))
        self.assertNotIn("<svg", body.split("<body", 1)[1])
        html_file = ARTIFACTS / "graphs.html"
        html_file.write_text(body.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
        if shutil.which("chromium") is None:
            self.skipTest("chromium not installed (apt-get install -y chromium)")
        dom, screenshot = open_in_chromium(ARTIFACTS, "graphs.html", "1200,4000")
        sizes = dom.split('data-jag-sizes="', 1)[1].split('"', 1)[0].split() if "data-jag-sizes" in dom else []
        self.assertEqual(len(sizes), GRAPHS, "graph image sizes: " + repr(sizes))
        for size in sizes:
            natural, rendered = size.split("@")
            width, height = map(int, natural.split("x"))
            self.assertTrue(width > 0 and height > 0, size)
            self.assertEqual(int(rendered), width, "shown at its own size, not shrunk: " + size)
        self.assertIn("torch.Size([1])", dom)
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
