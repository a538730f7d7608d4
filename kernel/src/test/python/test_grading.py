"""Grading: what an autograder (nbgrader and the like) reads from an executed notebook.

A failing `assert` must fail its cell with an AssertionError error output carrying the message
(assertions are on for snippet code), a passing one must leave no output, the execute_reply's
ename must equal the IOPub error's, and normal cells write nothing to stderr."""
import unittest

import nbclient
import nbformat

import kernel_case
import kernel_env

kernel_env.install()

CELLS = [
    "int answer(int x) { return 2 * x; }",
    'assert answer(2) == 4 : "answer(2) should be 4";',
    'assert answer(3) == 7 : "boom: answer(3) should be 7";',
    'System.out.println("graded");',
]


class GradingNotebookTest(unittest.TestCase):
    def test_passing_and_failing_asserts_as_a_grader_reads_them(self):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
        notebook.metadata["kernelspec"] = {"name": kernel_env.KERNEL_NAME, "language": "java",
                                           "display_name": "Java (autograd)"}
        nbclient.NotebookClient(notebook, timeout=120, kernel_name=kernel_env.KERNEL_NAME,
                                allow_errors=True).execute()
        define, passing, failing, after = notebook.cells
        self.assertEqual(define.outputs, [])
        self.assertEqual(passing.outputs, [])  # a passing assert shows nothing, not even stderr
        self.assertEqual(len(failing.outputs), 1, failing.outputs)
        error = failing.outputs[0]
        self.assertEqual(error.output_type, "error")
        self.assertEqual(error.ename, "AssertionError")
        self.assertIn("boom: answer(3) should be 7", error.evalue)
        self.assertTrue(any("boom" in line for line in error.traceback), error.traceback)
        # allow_errors: the grader's run goes on past a failed test cell.
        self.assertEqual([(o.output_type, o.get("name"), o.get("text")) for o in after.outputs],
                         [("stream", "stdout", "graded\n")])


class GradingProtocolTest(kernel_case.KernelCase):
    def test_reply_ename_equals_iopub_error(self):
        content, messages = self.run_cell('assert 1 == 2 : "boom";')
        self.assertEqual(content["status"], "error", content)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, messages)
        self.assertEqual(content["ename"], errors[0]["ename"])
        self.assertEqual(content["ename"], "AssertionError")
        self.assertEqual(content["evalue"], errors[0]["evalue"])
        self.assertIn("boom", content["evalue"])

    def test_normal_cells_write_nothing_to_stderr(self):
        for code in ["var t = Torch.tensor(new double[]{5.}, requiresGrad());", "t.pow(3)",
                     "t.pow(3).backward();", "System.out.println(t.grad());", "assert t.item() == 5.;"]:
            with self.subTest(code=code):
                content, messages = self.run_cell(code)
                self.assertEqual(content["status"], "ok", content)
                self.assertEqual([m for m in messages if m["msg_type"] == "stream"
                                  and m["content"]["name"] == "stderr"], [])


if __name__ == "__main__":
    unittest.main()
