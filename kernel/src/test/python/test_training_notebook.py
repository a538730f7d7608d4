"""Runs notebooks/training.ipynb on the kernel with nbclient, as "Run All" does, and checks it
against its PyTorch twin (notebooks/reference/training-pytorch.ipynb, outputs made by
notebooks/reference/make_training_notebooks.py with Debian's python3-torch): the same losses and
accuracy to the printed digits, and the pictures a reader expects, in their final state; then
exports it with nbconvert and opens the HTML in headless Chromium to check the plots are drawn.

Artifacts (for CI): kernel/target/training/ holds the executed notebook, the HTML, the DOM
Chromium saw and a screenshot."""
import re
import shutil
import unittest

import nbclient
import nbconvert
import nbformat

import kernel_env
from test_graphs_notebook import open_in_chromium

kernel_env.install()
NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "training.ipynb"
REFERENCE = kernel_env.REPO_ROOT / "notebooks" / "reference" / "training-pytorch.ipynb"
ARTIFACTS = kernel_env.KERNEL_JAR.parent / "training"
# Measured in the page: each plot as the browser drew it (an <img> of the PNG, which nbconvert
# picks through text/html: its cleaner empties an inline SVG), and the progress bar's value.
MEASURE = """<script>
window.addEventListener('load', function () {
  document.body.setAttribute('data-plots', Array.from(document.querySelectorAll('img[src^="data:image/png"]'))
    .map(function (i) { var r = i.getBoundingClientRect();
      return Math.round(r.width) + 'x' + Math.round(r.height) + ':' + i.naturalWidth + 'x' + i.naturalHeight; })
    .join(' '));
  var bar = document.querySelector('progress');
  document.body.setAttribute('data-progress', bar ? bar.value + '/' + bar.max : 'none');
});
</script>"""
NUMBERS = re.compile(r"^(step +\d+  loss [\d.]+|final loss [\d.]+|accuracy [\d.]+)$", re.M)


def printed(nb):
    text = "".join("".join(o["text"]) for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o["output_type"] == "stream")
    return NUMBERS.findall(text)


class TrainingNotebookTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.nb = nbformat.read(NOTEBOOK, as_version=4)
        nbclient.NotebookClient(cls.nb, timeout=600, kernel_name=kernel_env.KERNEL_NAME).execute()
        cls.outputs = [o for c in cls.nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        nbformat.write(cls.nb, ARTIFACTS / "training.executed.ipynb")

    def test_losses_match_pytorch_to_the_printed_digits(self):
        expected = printed(nbformat.read(REFERENCE, as_version=4))
        self.assertEqual(len(expected), 8, expected)  # 6 steps, the final loss, the accuracy
        self.assertEqual(printed(self.nb), expected)

    def test_no_cell_failed(self):
        errors = [o for o in self.outputs if o["output_type"] == "error"]
        self.assertEqual(errors, [])

    def test_progress_bar_is_saved_in_its_final_state(self):
        bars = [o for o in self.outputs if "text/html" in o.get("data", {}) and "<progress" in o["data"]["text/html"]]
        self.assertEqual(len(bars), 1)
        self.assertRegex(bars[0]["data"]["text/plain"], r"^training: 100%\|█{20}\| 300/300 \[.*, loss=0\.0681\]$")

    def test_pictures_are_svg_and_png(self):
        plots = [o["data"]["text/plain"] for o in self.outputs
                 if {"image/svg+xml", "image/png"} <= set(o.get("data", {}))
                 and not o["data"]["text/plain"].startswith("autograd graph")]
        self.assertEqual(plots, ['Plot("two moons", points)', "Plot(line)", 'Plot("decision boundary", field + points)'])
        graphs = [o for o in self.outputs if "image/svg+xml" in o.get("data", {}) and "autograd graph" in o["data"]["text/plain"]]
        self.assertEqual(len(graphs), 1)
        # The layers' parameters named by the variables holding the modules, without a params map.
        for name in ["l1.weight", "l1.bias", "l2.weight", "l2.bias"]:
            self.assertIn(f">{name}<", graphs[0]["data"]["image/svg+xml"])

    def test_live_loss_curve_holds_every_step(self):
        curve = next(o for o in self.outputs if o.get("data", {}).get("text/plain") == "Plot(line)")
        self.assertEqual(curve["output_type"], "display_data")
        # The final redraw (at close) has all 300 points: the SVG path has one segment per step.
        path = max(re.findall(r"<path [^>]*d=['\"]([^'\"]*)['\"]", curve["data"]["image/svg+xml"]), key=len)
        self.assertGreaterEqual(path.count("L"), 299)

    def test_html_export_and_real_browser_draw_the_plots(self):
        body, _ = nbconvert.HTMLExporter().from_notebook_node(self.nb)
        (ARTIFACTS / "training.html").write_text(body.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
        if shutil.which("chromium") is None:
            self.skipTest("chromium not installed (apt-get install -y chromium)")
        dom, screenshot = open_in_chromium(ARTIFACTS, "training.html", "1000,4200")
        self.assertIn('data-progress="300/300"', dom)
        plots = dom.split('data-plots="', 1)[1].split('"', 1)[0].split() if "data-plots" in dom else []
        self.assertEqual(len(plots), 3, plots)  # two moons, the loss curve, the decision boundary
        for plot in plots:
            self.assertEqual(plot, "600x400:600x400")  # laid out and decoded
        self.assertTrue(screenshot.read_bytes().startswith(b"\x89PNG"), "no screenshot written")


if __name__ == "__main__":
    unittest.main()
