"""The display API, progress bars and plots through the real kernel: what reaches IOPub.

Counts display_data / update_display_data messages and checks their MIME types and display_id,
as a front end sees them."""
import base64
import re
import unittest

from kernel_case import KernelCase


def final_text(updates):
    return updates[-1]["content"]["data"]["text/plain"] if updates else None


def of_type(messages, *types):
    return [m for m in messages if m["msg_type"] in types]


class DisplayTest(KernelCase):
    def test_display_returns_a_handle_whose_update_replaces_it(self):
        content, messages = self.run_cell(
            'var h = display(html("<b>one</b>"));\n'
            'h.update(html("<b>two</b>"));\n'
            'h.update(markdown("**three**"));')
        self.assertEqual(content["status"], "ok", content)
        shown = of_type(messages, "display_data")
        updates = of_type(messages, "update_display_data")
        self.assertEqual(len(shown), 1, messages)
        self.assertEqual(len(updates), 2, messages)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertEqual({u["content"]["transient"]["display_id"] for u in updates}, {display_id})
        self.assertEqual(shown[0]["content"]["data"]["text/html"], "<b>one</b>")
        self.assertEqual(updates[1]["content"]["data"]["text/markdown"], "**three**")

    def test_a_cell_ending_in_display_shows_no_result(self):
        content, messages = self.run_cell('display(latex("$x^2$"))')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(of_type(messages, "execute_result"), [], messages)
        shown = of_type(messages, "display_data")
        self.assertEqual(shown[0]["content"]["data"], {"text/plain": "$x^2$", "text/latex": "$x^2$"})

    def test_a_cell_ending_in_printf_shows_only_the_print(self):
        content, messages = self.run_cell('System.out.printf("%d%n", 42)')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(of_type(messages, "execute_result"), [], messages)
        self.assertEqual("".join(m["content"]["text"] for m in of_type(messages, "stream")), "42\n")

    def test_updating_from_a_later_cell(self):
        self.run_cell('var later = display("first");')
        content, messages = self.run_cell('later.update("second");')
        updates = of_type(messages, "update_display_data")
        self.assertEqual(len(updates), 1, messages)
        self.assertEqual(updates[0]["content"]["data"]["text/plain"], "second")

    def test_clear_output(self):
        _, messages = self.run_cell('System.out.println("x"); clearOutput(true);')
        clears = of_type(messages, "clear_output")
        self.assertEqual([c["content"]["wait"] for c in clears], [True])

    def test_images_are_base64(self):
        _, messages = self.run_cell('display(png(new byte[] {(byte) 0x89, 80, 78, 71}))')
        data = of_type(messages, "display_data")[0]["content"]["data"]
        self.assertEqual(base64.b64decode(data["image/png"]), b"\x89PNG")

    def test_progress_bar_updates_in_place_and_is_throttled(self):
        # 2,000 steps of about 1 ms: about 2 s, so about 20 redraws at 10 a second, never 2,000.
        content, messages = self.run_cell(
            'var bar = progress(2000);\n'
            'for (int step : bar) { long t = System.nanoTime(); while (System.nanoTime() - t < 1_000_000) { } '
            'bar.set("loss", 1.0 / (step + 1)); }', timeout=60)
        self.assertEqual(content["status"], "ok", content)
        shown = of_type(messages, "display_data")
        updates = of_type(messages, "update_display_data")
        self.assertEqual(len(shown), 1, messages)
        final = updates[-1]["content"]
        minutes, seconds = re.search(r"\[(\d\d):(\d\d)<", final["data"]["text/plain"]).groups()
        elapsed = int(minutes) * 60 + int(seconds) + 1  # the bar shows whole seconds
        # At most ten redraws a second, and the final one: however slow a loaded machine runs it.
        self.assertLessEqual(len(updates), 10 * elapsed + 1, final_text(updates))
        self.assertGreaterEqual(len(updates), 2)
        self.assertEqual(final["transient"]["display_id"], shown[0]["content"]["transient"]["display_id"])
        self.assertRegex(final["data"]["text/plain"], r"^100%\|█{20}\| 2000/2000 \[\d\d:\d\d<00:00, [\d.]+it/s, loss=0.0005\]$")
        self.assertIn("<progress", final["data"]["text/html"])

    def test_plots_are_svg_and_png(self):
        content, messages = self.run_cell(
            'Torch.manualSeed(0);\n'
            'var pts = Torch.randn(50, 2);\n'
            'display(Plot.scatter(pts, pts.matmul(Torch.tensor(new double[] {1, 1})).gt(0)));\n'
            'Plot.line(new double[] {1, 0.5, 0.25}).logY().title("loss")')
        self.assertEqual(content["status"], "ok", content)
        shown = of_type(messages, "display_data")
        result = of_type(messages, "execute_result")
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(result), 1)
        for message in shown + result:
            data = message["content"]["data"]
            self.assertEqual(list(data), ["text/plain", "text/html", "image/svg+xml", "image/png"])
            self.assertTrue(data["text/html"].startswith('<img src="data:image/png;base64,' + data["image/png"]))
            self.assertTrue(base64.b64decode(data["image/png"]).startswith(b"\x89PNG"))
            self.assertIn("<svg", data["image/svg+xml"])
        self.assertEqual(result[0]["content"]["data"]["text/plain"], 'Plot("loss", line)')

    def test_live_plot_redraws_in_place(self):
        content, messages = self.run_cell(
            'try (var live = LivePlot.live(p -> p.logY().xlabel("step"))) {\n'
            '  for (int i = 0; i < 30; i++) { live.add("loss", i, Math.exp(-i / 10.0)); Thread.sleep(50); }\n'
            '}', timeout=60)
        self.assertEqual(content["status"], "ok", content)
        shown = of_type(messages, "display_data")
        updates = of_type(messages, "update_display_data")
        self.assertEqual(len(shown), 1)
        # 1.5 s at one redraw per 0.5 s, then the final one: a handful, not thirty.
        self.assertGreaterEqual(len(updates), 2)
        self.assertLessEqual(len(updates), 6)
        self.assertIn("image/png", updates[-1]["content"]["data"])


class NullOutputNotebookTest(unittest.TestCase):
    """Found by trying to break the kernel (2026-12-02): display(html(null)) put a null in the
    output's data, and nbclient (nbconvert, a grading run) stopped on the invalid notebook."""

    def test_a_notebook_displaying_nulls_executes_and_stays_valid(self):
        import nbclient
        import nbformat
        import kernel_env
        kernel_env.install()
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": kernel_env.KERNEL_NAME, "display_name": "Java", "language": "java"}
        nb.cells = [nbformat.v4.new_code_cell("display(html(null));"),
                    nbformat.v4.new_code_cell("var data = new HashMap<String, String>();\n"
                                              "data.put(\"text/plain\", \"mine\");\ndata.put(\"text/html\", null);\n"
                                              "dev.jautograd.display.RichOutput mine = () -> data;\nmine")]
        nbclient.NotebookClient(nb, kernel_name=kernel_env.KERNEL_NAME, timeout=60).execute()
        nbformat.validate(nb)
        self.assertEqual(nb.cells[0].outputs[0]["data"], {"text/plain": "<HTML>", "text/html": ""})
        self.assertEqual(nb.cells[1].outputs[0]["data"], {"text/plain": "mine"})


if __name__ == "__main__":
    unittest.main()
