"""Kernel > Restart & Run All on notebooks/training.ipynb in a live Notebook 6 server, in Debian's
Chromium driven by playwright-core (kernel/src/test/browser/run_all.js), as a student would run it:
the kernel installed into a temporary prefix (kernel_env), the server on 127.0.0.1 with a free port,
a random token and fresh Jupyter dirs (notebook_browser).

Checked through the DOM once every cell has run: no error, each plot is an image that loaded, the
graph is an image, and the progress bar is in its final state (300/300, 100%). The screenshot is
kept as kernel/target/live-run-all/training.png, with the page's findings (seen.json) and the server log.
The run is bounded: RUN_TIMEOUT_MS for the cells, a little more for the whole browser session.
"""
import pathlib
import shutil
import tempfile
import unittest

import kernel_env
from notebook_browser import browse, browser_missing

kernel_env.install()
NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "training.ipynb"
ARTIFACTS = kernel_env.KERNEL_JAR.parent / "live-run-all"
RUN_TIMEOUT_MS = 300_000


class LiveRunAllTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = browser_missing()
        if missing:
            raise unittest.SkipTest(missing)
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-live-run-all-"))
        (cls.tmp / "notebooks").mkdir()
        shutil.copy(NOTEBOOK, cls.tmp / "notebooks" / "training.ipynb")
        cls.screenshot = ARTIFACTS / "training.png"
        try:
            cls.seen = browse(cls.tmp, "training.ipynb", "run_all.js", cls.screenshot, ARTIFACTS,
                              RUN_TIMEOUT_MS / 1000 + 180, RUN_TIMEOUT_MS)
        except BaseException:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise
        print(f"\nRun All took {cls.seen['seconds']:.0f} s; screenshot: {cls.screenshot}", flush=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_every_cell_ran_once_in_order_without_error(self):
        prompts = self.seen["prompts"]
        self.assertEqual(prompts, list(range(1, len(prompts) + 1)))
        self.assertEqual(self.seen["errors"], [])

    def test_plots_are_images_that_loaded(self):
        plots = [i for i in self.seen["images"] if i["src"].startswith("data:image/png")]
        self.assertEqual(len(plots), 3, self.seen["images"])  # two moons, the loss curve, the decision boundary
        for image in plots:
            self.assertGreater(image["naturalWidth"], 0, image)
            self.assertGreater(image["width"], 0, image)
        graphs = [i for i in self.seen["images"] if "jag-graph" in i["cls"]]
        self.assertEqual(len(graphs), 1, self.seen["images"])
        self.assertGreater(graphs[0]["naturalWidth"], 0)

    def test_progress_bar_rendered_in_its_final_state(self):
        bars = self.seen["progress"]
        self.assertEqual(len(bars), 1, bars)
        self.assertEqual((bars[0]["value"], bars[0]["max"]), (300, 300))
        self.assertIn("100%", bars[0]["text"])
        self.assertIn("300/300", bars[0]["text"])

    def test_the_screenshot_is_a_png(self):
        self.assertTrue(self.screenshot.read_bytes().startswith(b"\x89PNG"))


if __name__ == "__main__":
    unittest.main()
