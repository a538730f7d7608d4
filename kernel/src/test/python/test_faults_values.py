"""Fault 6 of issue 14, errors that vanished, through jupyter_client against the real kernel:
showing the final value fails (a toString() that throws or runs out of heap, a tensor that
cannot be printed), or the cell's own code stops its thread. Each must fail the cell as any
error does: an IOPub error, and an error reply with the same ename and the execution_count."""
import unittest

from kernel_case import KernelCase


class ValueErrorTests(KernelCase):
    def assert_shown_error(self, code, ename, evalue_part=""):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], ename, content)
        self.assertIn(evalue_part, content["evalue"], content)
        self.assertIsInstance(content.get("execution_count"), int, content)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, messages)
        self.assertEqual((errors[0]["ename"], errors[0]["evalue"]), (ename, content["evalue"]))
        self.assertFalse([m for m in messages if m["msg_type"] == "execute_result"], messages)
        self.assertEqual(self.result_text("6 * 7"), "42")  # the kernel serves on
        return content

    def test_to_string_that_throws(self):
        content = self.assert_shown_error(
            'new Object() { public String toString() { throw new IllegalStateException("toString boom"); } }',
            "IllegalStateException", "toString boom")
        self.assertIn("toString", "\n".join(content["traceback"]))

    def test_to_string_of_a_variable_that_throws(self):
        self.run_cell('class Loud { public String toString() { throw new UnsupportedOperationException("no text"); } }\n'
                      "var loud = new Loud();")
        self.assert_shown_error("loud", "UnsupportedOperationException", "no text")

    def test_out_of_memory_while_formatting_the_value(self):
        self.assert_shown_error(
            'new Object() { public String toString() { return "" + new long[Integer.MAX_VALUE - 16].length; } }',
            "OutOfMemoryError")

    def test_tensor_with_an_invalid_shape(self):
        # A view whose shape needs more elements than its storage has: printing it fails. viewOf is
        # internal (reached by reflection), as a bug in an op would produce such a tensor.
        self.run_cell("var small = tensor(new double[] {1.5, 2.5});\n"
                      'var viewOf = Tensor.class.getDeclaredMethod("viewOf", int[].class, int[].class, int.class);\n'
                      "viewOf.setAccessible(true);\n"
                      "var bad = (Tensor) viewOf.invoke(small, new int[] {4, 3}, new int[] {3, 1}, 0);")
        self.assert_shown_error("bad", "ArrayIndexOutOfBoundsException")

    def test_the_cell_stopping_its_own_thread(self):
        # JDK 17: Thread.stop throws ThreadDeath, which JShell took for an interrupt and hid; JDK 20+
        # refuses Thread.stop with UnsupportedOperationException.
        content, _ = self.run_cell("Thread.currentThread().stop();")
        self.assertEqual(content["status"], "error", content)
        self.assertIn(content["ename"], ("ThreadDeath", "UnsupportedOperationException"), content)
        self.assert_shown_error("throw new ThreadDeath();", "ThreadDeath")


if __name__ == "__main__":
    unittest.main()
