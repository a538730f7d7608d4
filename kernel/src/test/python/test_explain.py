"""The backward explainer and module parameter names through the real kernel (jupyter_client):
what a front end receives for Explain.backward(y), stepping through it with one display updated in
place, and a Sequential's graph whose parameters are named 0.weight, 2.bias without a params map."""
import base64
import unittest
import xml.etree.ElementTree as ET

from kernel_case import KernelCase

SVG = "{http://www.w3.org/2000/svg}"


def of_type(messages, *types):
    return [m for m in messages if m["msg_type"] in types]


def svg_texts(data):
    return [t.text for t in ET.fromstring(data["image/svg+xml"]).iter(SVG + "text")]


class ExplainTest(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_reply = cls.kc.execute_interactive(
            "var a = tensor(new double[]{5.}, requiresGrad());\n"
            "var b = tensor(new double[]{6.}, requiresGrad());\n"
            "var y = a.pow(3).sub(b.pow(2));", timeout=60)

    def test_explanation_is_a_picture_with_the_steps_as_text_and_needs_no_import(self):
        self.assertEqual(self.setup_reply["content"]["status"], "ok")
        content, messages = self.run_cell("Explain.backward(y)")
        self.assertEqual(content["status"], "ok", content)
        result = of_type(messages, "execute_result")[0]["content"]
        data = result["data"]
        self.assertEqual(list(data), ["text/plain", "text/html", "image/svg+xml", "image/png"])
        self.assertTrue(data["text/plain"].startswith("backward of y: 5 steps, in the order the engine ran them"),
                        data["text/plain"])
        self.assertIn("  4. PowBackward0  grad in: [1.]\n       \u2192 self (to a): grad \u00b7 3\u00b7self\u00b2 = [75.]",
                      data["text/plain"])
        texts = svg_texts(data)
        for line in ["SubBackward0", "\u2192 other: -grad = [-1.]", "\u2192 self: grad \u00b7 3\u00b7self\u00b2 = [75.]",
                     "\u25b6 step 5 \u00b7 grad in: [75.]", "a", "b"]:
            self.assertIn(line, texts)
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(b"\x89PNG"))

    def test_explaining_leaves_grad_alone_and_then_checks_backward(self):
        self.run_cell("var c = tensor(new double[]{5.}, requiresGrad()); var d = tensor(new double[]{6.}, requiresGrad());\n"
                      "var z = c.pow(3).sub(d.pow(2));")
        self.assertEqual(self.result_text("Explain.backward(z); c.grad()"), "null")
        self.run_cell("z.backward(null, true);")
        # As the cell's value: shown after the cell, when the notebook's names are read afresh.
        text = self.result_text("Explain.backward(z)")
        self.assertIn("c.grad = [75.] \u2713", text)
        self.assertIn("d.grad = [-12.] \u2713", text)

    def test_stepping_updates_one_display_node_by_node(self):
        content, messages = self.run_cell(
            "var steps = Explain.backward(y);\n"
            "var view = display(steps.step(0));\n"
            "for (int k = 1; k <= steps.size(); k++) view.update(steps.step(k));")
        self.assertEqual(content["status"], "ok", content)
        shown, updates = of_type(messages, "display_data"), of_type(messages, "update_display_data")
        self.assertEqual((len(shown), len(updates)), (1, 5), [m["msg_type"] for m in messages])
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual({u["content"]["transient"]["display_id"] for u in updates}, {display_id})
        for k, update in enumerate(updates, start=1):
            marked = [t for t in svg_texts(update["content"]["data"]) if t.startswith("\u25b6 step")]
            self.assertEqual(len(marked), 1)
            self.assertTrue(marked[0].startswith(f"\u25b6 step {k} "), marked)

    def test_a_freed_graph_is_refused_with_what_to_do(self):
        self.run_cell("var e = tensor(new double[]{5.}, requiresGrad()); var w = e.pow(2); w.backward();")
        self.assert_cell_error("Explain.backward(w)", "IllegalStateException", "explain it before backward()")

    def test_module_parameters_are_named_by_path(self):
        # A module held by a variable names its parameters from it (l1.weight, model.2.bias); one
        # reachable otherwise by its path alone (0.weight), as torchviz's params=dict(named_parameters()).
        content, messages = self.run_cell(
            "manualSeed(0);\n"
            "var l1 = new Linear(2, 3);\n"
            "var model = new Sequential(l1, new ReLU(), new Linear(3, 1));\n"
            "var out = model.forward(randn(4, 2)).sum();\n"
            "var kept = List.of(new Sequential(new Linear(2, 1)));  // no module variable: its path alone\n"
            "var other = kept.get(0).forward(randn(1, 2)).sum();")
        self.assertEqual(content["status"], "ok", content)
        # Names are read between cells: the picture is the next cell's value.
        _, messages = self.run_cell("Viz.makeDot(out)")
        shown = of_type(messages, "execute_result")[0]["content"]["data"]
        texts = svg_texts(shown)
        for name in ["l1.weight", "l1.bias", "model.2.weight", "model.2.bias", "out"]:
            self.assertIn(name, texts)
        self.assertIn("l1.weight (3, 2)", shown["text/plain"])
        _, messages = self.run_cell("Viz.makeDot(other)")
        self.assertIn("0.weight", svg_texts(of_type(messages, "execute_result")[0]["content"]["data"]))
        _, messages = self.run_cell("System.out.println(Viz.makeDot(out).toDot());")
        dot = "".join(m["content"]["text"] for m in of_type(messages, "stream"))
        self.assertIn('label="l1.weight\\n(3, 2)"', dot)
        self.assertIn('label="model.2.bias\\n(1)"', dot)


if __name__ == "__main__":
    unittest.main()
