"""The short, PyTorch-like notebook form through a real kernel (jupyter_client): the static
Torch.* import and print(...), grad mode that holds from statement to statement and cell to
cell, and member completion without Object's plumbing."""
import unittest

from kernel_case import KernelCase


class ShortFormTest(KernelCase):
    def stdout(self, code):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        return "".join(m["content"]["text"] for m in messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def test_static_torch_import_and_print(self):
        self.assertEqual(self.result_text("tensor(new double[]{5.}, requiresGrad())"),
                         "tensor([5.], requires_grad=True)")
        self.assertEqual(self.result_text("tensor(5)"), "tensor(5)")
        self.assertEqual(self.stdout("var q = tensor(new double[]{2.}, requiresGrad());\nprint(q.grad());\n"
                                     "print(\"grad:\", q.grad(), true, 3)"), "None\ngrad: None True 3\n")
        # the Torch.-qualified form and the existing helpers still resolve
        self.assertEqual(self.result_text("Torch.ones(2).add(ones(2))"), "tensor([2., 2.])")
        self.assertEqual(self.stdout("manualSeed(0); print(randn(5).sum().item())"), "-1.4473134279251099\n")
        self.assertEqual(self.stdout("display(zeros(1));"), "")

    def test_keyword_print_options(self):
        self.assertEqual(self.result_text("setPrintOptions(precision(2));\ntensor(new double[]{1.2345})"),
                         "tensor([1.23])")
        self.assertEqual(self.result_text("setPrintOptions(profile(\"default\"));\ntensor(new double[]{1.2345})"),
                         "tensor([1.2345])")

    def test_grad_mode_holds_across_statements_and_cells(self):
        self.run_cell("var w = ones(2).requiresGrad_();")
        self.assertEqual(self.result_text("setGradEnabled(false);\nw.mul(2)"), "tensor([2., 2.])")
        self.assertEqual(self.result_text("isGradEnabled()"), "false")
        self.assertEqual(self.result_text("w.mul(2).requiresGrad()"), "false")
        self.assertEqual(self.result_text("setGradEnabled(true);\nw.mul(2)"),
                         "tensor([2., 2.], grad_fn=<MulBackward0>)")
        # a noGrad() scope still ends with its block, inside one statement or across a cell
        self.assertEqual(self.result_text(
            "boolean inside;\ntry (var scope = noGrad()) { inside = isGradEnabled(); }\ninside + \" \" + isGradEnabled()"),
            "\"false true\"")
        self.assertEqual(self.result_text("isGradEnabled()"), "true")

    def test_completion_leaves_out_object_plumbing(self):
        self.run_cell("var t = ones(2);")
        msg_id = self.kc.complete("t.", 2)
        matches = self.shell_reply(msg_id)["content"]["matches"]
        self.assertIn("sum(", matches)
        for plumbing in ("wait(", "notify()", "notifyAll()", "getClass()", "hashCode()", "equals("):
            self.assertNotIn(plumbing, matches)
        msg_id = self.kc.complete("t.su", 4)
        self.assertIn("sum(", self.shell_reply(msg_id)["content"]["matches"])


if __name__ == "__main__":
    unittest.main()
