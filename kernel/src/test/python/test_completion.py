"""Tab completion shows the user API only (issue 11), through a real kernel (jupyter_client
complete_request): on a tensor `x.` offers backward, grad, sum, item... and none of the
internals that moved to dev.jautograd.internal.TensorInternals; `Tensor.` offers no raw
factory. Also the int64 item printed as Python does."""
import unittest

from kernel_case import KernelCase

INTERNALS = ("storage(", "setGradFn(", "viewOf(", "checkInPlace(", "gradAccumulator(", "markParameter(",
             "sameShape(", "hasDefaultStrides(", "offsetOf(", "bumpVersion(", "self(", "inPlace(",
             "empty(", "emptyLike(", "wrap(", "withStrides(")
USER = ("backward(", "grad()", "sum(", "item()", "itemLong()", "itemBool()", "requiresGrad_(", "detach()",
        "view(", "retainGrad()", "registerHook(", "gradFn()", "isLeaf()", "zero_()", "add_(", "tolist()")


class CompletionTest(KernelCase):
    def matches(self, code):
        msg_id = self.kc.complete(code, len(code))
        reply = self.shell_reply(msg_id)["content"]
        self.assertEqual(reply["status"], "ok", reply)
        return reply["matches"]

    def test_tensor_members_are_the_user_api(self):
        self.run_cell("var x = tensor(new double[]{1, 2}, requiresGrad());")
        matches = self.matches("x.")
        for name in USER:
            self.assertIn(name, matches)
        for name in INTERNALS:
            self.assertNotIn(name, matches)
        # a prefix still narrows to what is there, and an internal is not found by its prefix either
        self.assertEqual([m for m in self.matches("x.stor") if not m.startswith("storageOffset")], [])
        self.assertNotIn("setGradFn(", self.matches("x.setG"))
        self.assertIn("setGrad(", self.matches("x.setG"))

    def test_tensor_class_offers_no_raw_factory(self):
        matches = self.matches("Tensor.")
        for name in ("empty(", "emptyLike(", "wrap(", "withStrides("):
            self.assertNotIn(name, matches)

    def test_options_offer_only_the_keywords(self):
        matches = self.matches("requiresGrad().")
        self.assertIn("dtype(", matches)
        for name in ("dtypeOr(", "isRequiresGrad()", "withDtype(", "withRequiresGrad("):
            self.assertNotIn(name, matches)

    def test_package_names_complete_in_an_import(self):
        # JShell's index of package names is held back until the first Tab (an idle kernel's
        # 16 MB of heap): an import's first completion waits for it to be built.
        self.assertIn("concurrent.", self.matches("import java.util.conc"))
        self.assertIn("jautograd.", self.matches("import dev.jaut"))

    def test_int64_item_prints_as_python(self):
        content, messages = self.run_cell(
            "var t = tensor(new long[]{1, 2, 3});\n"
            "print(t.sum().itemLong());\nprint(t.sum().item());\nprint(t.sum().gt(5).itemBool());\n"
            "print(tensor(new double[]{1e-5}, dtype(DType.FLOAT64)).item());")
        self.assertEqual(content["status"], "ok", content)
        out = "".join(m["content"]["text"] for m in messages
                      if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        self.assertEqual(out, "6\n6.0\nTrue\n1e-05\n")
        self.assertEqual(self.result_text("t.sum().itemLong()"), "6")


if __name__ == "__main__":
    unittest.main()
