"""A cell's consecutive plain statements run as one JShell snippet (StatementBatcher): through the
real kernel, a long cell gives the right result, and errors still name the cell's own lines.
No timing here: the speed is measured by benchmarks/kernel/first_run.py."""
import re
import unittest

from kernel_case import KernelCase


def plain(traceback):
    """The traceback's lines without the kernel's ANSI colours."""
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in traceback]


class StatementBatchingTests(KernelCase):
    def test_a_thousand_statements_give_their_sum(self):
        code = "int acc = 0;\n" + "".join(f"acc += {i};\n" for i in range(1000)) + "acc"
        content, messages = self.run_cell(code, timeout=600)
        self.assertEqual(content["status"], "ok", content)
        results = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"]
        self.assertEqual(results, [str(sum(range(1000)))])

    def test_output_of_joined_statements_comes_in_order(self):
        code = "int n = 0;\n" + "".join(f'n++;\nSystem.out.println("line " + n);\n' for _ in range(5)) + "n"
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        printed = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
        self.assertEqual(printed, "".join(f"line {i}\n" for i in range(1, 6)))

    def test_a_runtime_error_names_the_cell_line(self):
        self.run_cell("int count = 0;\nint[] two = new int[2];")
        content, _ = self.run_cell("count += 1;\ncount += 2;\n\n// a comment\ncount += two[7];\ncount += 100;")
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], "ArrayIndexOutOfBoundsException")
        self.assertIn("line 5)", "\n".join(plain(content["traceback"])))
        self.assertEqual(self.result_text("count"), "3")

    def test_a_compile_error_names_the_cell_line_and_column(self):
        self.run_cell("int total = 0;")
        content, _ = self.run_cell("total += 1;\ntotal += 2;\ntotal += nothingHere;\ntotal += 4;")
        self.assertEqual(content["status"], "error", content)
        traceback = plain(content["traceback"])
        self.assertIn("Line 3, column 10: cannot find symbol", "\n".join(traceback))
        self.assertIn("total += nothingHere;", traceback)
        self.assertEqual(self.result_text("total"), "3")


if __name__ == "__main__":
    unittest.main()
