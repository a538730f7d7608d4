"""Runs notebooks/training.ipynb on the kernel with nbclient, as "Run All" does, and checks it
against its PyTorch twin (notebooks/reference/training-pytorch.ipynb, outputs made by
notebooks/reference/make_training_notebooks.py with Debian's python3-torch): the same losses and
accuracy to the printed digits, and the pictures a reader expects, in their final state."""
import re
import unittest

import nbclient
import nbformat

import kernel_env

kernel_env.install()
NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "training.ipynb"
REFERENCE = kernel_env.REPO_ROOT / "notebooks" / "reference" / "training-pytorch.ipynb"
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
                 if {"image/svg+xml", "image/png"} <= set(o.get("data", {}))]
        self.assertEqual(plots, ['Plot("two moons", points)', "Plot(line)", 'Plot("decision boundary", field + points)'])
        graphs = [o for o in self.outputs if "image/svg+xml" in o.get("data", {}) and "autograd graph" in o["data"]["text/plain"]]
        self.assertEqual(len(graphs), 1)

    def test_live_loss_curve_holds_every_step(self):
        curve = next(o for o in self.outputs if o.get("data", {}).get("text/plain") == "Plot(line)")
        self.assertEqual(curve["output_type"], "display_data")
        # The final redraw (at close) has all 300 points: the SVG path has one segment per step.
        path = max(re.findall(r"<path [^>]*d=['\"]([^'\"]*)['\"]", curve["data"]["image/svg+xml"]), key=len)
        self.assertGreaterEqual(path.count("L"), 299)


if __name__ == "__main__":
    unittest.main()
