"""Opens the executed graph notebook (test_graphs_notebook's) in Notebook 6 as a student would open
a notebook someone else ran: not trusted. Debian's jupyter-notebook serves it on 127.0.0.1 (free
port, random token) with a fresh JUPYTER_DATA_DIR, so no trust database knows the notebook; Debian's
Chromium, driven by playwright-core (kernel/src/test/browser, installed by `npm ci`), loads it.

Checked: the page says "Not Trusted"; every graph is an <img> that loaded, shown at its own size
(not shrunk); no graph label shows as text (the jumbled text a sanitised inline SVG leaves); a
tensor's facts read as plain lines. The screenshot is kernel/target/untrusted/notebook.png.
"""
import pathlib
import shutil
import tempfile
import unittest

import nbformat

import kernel_env
import test_graphs_notebook
from notebook_browser import browse, browser_missing

ARTIFACTS = kernel_env.KERNEL_JAR.parent / "untrusted"


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
        cls.screenshot = ARTIFACTS / "notebook.png"
        try:
            cls.seen = browse(cls.tmp, "graphs.ipynb", "untrusted_notebook.js", cls.screenshot, ARTIFACTS, 180)
        except BaseException:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise
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
