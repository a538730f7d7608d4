"""Errors that read well (issue 14), through jupyter_client against the real kernel: the exception
name and message first (coloured like ipykernel's traceback), the cell's frames, one line for the
library frames left out, the Java form of a Python keyword a PyTorch message names, and the same
in nbconvert's HTML of an executed notebook. ename and evalue stay exact (graders compare them)."""
import re
import unittest

import nbclient
import nbconvert
import nbformat

import kernel_env
from kernel_case import KernelCase

kernel_env.install()

RED, GREEN, CYAN, RESET = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m", "\x1b[0m"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

FREED = ("Trying to backward through the graph a second time (or directly access saved tensors after they have "
         "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
         "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if "
         "you need to access saved tensors after calling backward.\nIn Java: y.backward(gradient, true) "
         "(retainGraph), or retainGraph = true in Autograd.grad(outputs, inputs, gradOutputs, retainGraph, "
         "createGraph, allowUnused).")
BROADCAST = "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"

# name, setup cells, the failing cell, ename, evalue, the traceback without colours: one regular
# expression per line, "{n}" the failing cell's execution count, "{s}" the last setup cell's.
CASES = [
    ("broadcast error: the cell's frame, library frames counted",
     ["var a = Torch.tensor(new double[] {1, 2, 3});\nvar b = Torch.tensor(new double[] {1, 2});"],
     "a.add(b)", "IllegalArgumentException", BROADCAST,
     [re.escape("IllegalArgumentException: " + BROADCAST), r"    at <cell> \(In \[{n}\], line 1\)",
      r"    \.\.\. \d+ library frames hidden"]),
    ("a method of an earlier cell, then the cell",
     ["int div(int d) {\n    return 1 / d;\n}"],
     "int q = 1;\ndiv(0)", "ArithmeticException", "/ by zero",
     [r"ArithmeticException: / by zero", r"    at div \(In \[{s}\], line 2\)", r"    at <cell> \(In \[{n}\], line 2\)"]),
    ("a lambda in the cell called by the library",
     [], 'List.of(1, 2).forEach(i -> {\n    if (i == 2) throw new IllegalStateException("two");\n});',
     "IllegalStateException", "two",
     [r"IllegalStateException: two", r"    at <lambda> \(In \[{n}\], line 2\)", r"    at <cell> \(In \[{n}\], line 1\)",
      r"    \.\.\. 1 library frame hidden"]),
    ("retain_graph: the Java form is part of the message",
     ["var x = Torch.tensor(new double[] {1, 2}, requiresGrad());\nvar y = x.mul(x).sum();\ny.backward();"],
     "y.backward();", "IllegalStateException", FREED,
     [re.escape("IllegalStateException: " + FREED), r"    at <cell> \(In \[{n}\], line 1\)",
      r"    \.\.\. \d+ library frames hidden"]),
    ("requires_grad=False: the Java form under the message",
     [], "Torch.tensor(new double[] {1}).retainGrad()", "IllegalStateException",
     "can't retain_grad on Tensor that has requires_grad=False",
     [r"IllegalStateException: can't retain_grad on Tensor that has requires_grad=False",
      re.escape("In Java: x.requiresGrad() is false; x.requiresGrad_() makes a leaf require grad. x.retainGrad()."),
      r"    at <cell> \(In \[{n}\], line 1\)", r"    \.\.\. 1 library frame hidden"]),
    ("NullPointerException names the cell variable",
     ["String o = null;"], "o.length()", "NullPointerException", 'Cannot invoke "String.length()" because "o" is null',
     [re.escape('NullPointerException: Cannot invoke "String.length()" because "o" is null'),
      r"    at <cell> \(In \[{n}\], line 1\)"]),
    ("cannot find symbol: no blank location line",
     [], "var z = undefinedName + 1;", "CompilationException", "cannot find symbol\n  symbol:   variable undefinedName",
     [r"CompilationException: cannot find symbol", r"Line 1, column 9: cannot find symbol\n  symbol:   variable undefinedName",
      re.escape("var z = undefinedName + 1;"), r" {8}\^"]),
    ("an unclosed comment: javac's error where it opens (JShell dropped the rest in silence)",
     [], "int notRun = 7;\n/* a comment never closed\nnotRun = 9;", "CompilationException", "unclosed comment",
     [r"CompilationException: unclosed comment", r"Line 2, column 1: unclosed comment",
      re.escape("/* a comment never closed"), r"\^"]),
    ("unbounded recursion: one line for the repeated frame",
     ["int down(int n) {\n    return down(n + 1) + 1;\n}"], "down(0)", "StackOverflowError", "",
     [r"StackOverflowError: ", r"    at down \(In \[{s}\], line 2\)", r"    \.\.\. the frame above \d+ more times"]),
    ("a cause is named under the cell's frames",
     [], 'throw new RuntimeException("outer", new IllegalArgumentException("inner"));', "RuntimeException", "outer",
     [r"RuntimeException: outer", r"    at <cell> \(In \[{n}\], line 1\)", r"Caused by: IllegalArgumentException: inner"]),
]


class ReadableTracebackTests(KernelCase):
    def run_case(self, setup, cell):
        count = None
        for code in setup:
            content, _ = self.run_cell(code)
            self.assertEqual(content["status"], "ok", content)
            count = content["execution_count"]
        content, messages = self.run_cell(cell)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, messages)
        self.assertEqual(errors[0]["traceback"], content["traceback"])
        return content, count

    def test_tracebacks(self):
        for name, setup, cell, ename, evalue, expected in CASES:
            with self.subTest(name):
                content, setup_count = self.run_case(setup, cell)
                self.assertEqual((content["ename"], content["evalue"]), (ename, evalue))
                plain = [ANSI.sub("", line) for line in content["traceback"]]
                patterns = [p.replace("{n}", str(content["execution_count"])).replace("{s}", str(setup_count))
                            for p in expected]
                self.assertEqual(len(plain), len(patterns), plain)
                for line, pattern in zip(plain, patterns):
                    self.assertRegex(line, "^" + pattern + "$")
                self.assertFalse(any("dev.jautograd" in line or "jdk.jshell" in line for line in plain), plain)

    def test_colours_are_ipykernels(self):
        content, s = self.run_case(["int half(int d) { return 1 / d; }"], "half(0)")
        n = content["execution_count"]
        self.assertEqual(content["traceback"], [
            RED + "ArithmeticException" + RESET + ": / by zero",
            f"    at {CYAN}half{RESET} ({GREEN}In [{s}], line 1{RESET})",
            f"    at {CYAN}<cell>{RESET} ({GREEN}In [{n}], line 1{RESET})"])
        content, _ = self.run_case([], "Torch.tensor(new double[] {1}).retainGrad()")
        self.assertTrue(content["traceback"][1].startswith(CYAN + "In Java:" + RESET + " x.requiresGrad()"),
                        content["traceback"])
        content, _ = self.run_case([], "int bad = \"text\";")
        self.assertEqual(content["traceback"][1][:len(GREEN + "Line 1, column 11" + RESET)],
                         GREEN + "Line 1, column 11" + RESET)
        self.assertEqual(content["traceback"][3], " " * 10 + RED + "^" + RESET)

    def test_only_basic_colours_that_every_theme_maps(self):
        for _, setup, cell, *_ in CASES:
            content, _ = self.run_case(setup, cell)
            for line in content["traceback"]:
                for code in ANSI.findall(line):
                    self.assertIn(code, (RED, GREEN, CYAN, RESET), line)


class TracebackInHtmlTest(unittest.TestCase):
    """nbconvert turns the ANSI colours into classes its light and dark themes both style."""

    def test_executed_notebook_shows_the_coloured_traceback(self):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(CASES[0][1][0]), nbformat.v4.new_code_cell("a.add(b)")]
        notebook.metadata["kernelspec"] = {"name": kernel_env.KERNEL_NAME, "language": "java",
                                           "display_name": "Java (autograd)"}
        nbclient.NotebookClient(notebook, timeout=120, kernel_name=kernel_env.KERNEL_NAME,
                                allow_errors=True).execute()
        for theme in ("light", "dark"):
            with self.subTest(theme=theme):
                html, _ = nbconvert.HTMLExporter(theme=theme).from_notebook_node(notebook)
                self.assertIn('<span class="ansi-red-fg">IllegalArgumentException</span>: ' + BROADCAST, html)
                self.assertIn('<span class="ansi-green-fg">In [2], line 1</span>', html)
                self.assertRegex(html, r"\.\.\. \d+ library frames hidden")
                self.assertNotIn("\x1b", html)
                self.assertNotIn("[0;31m", html)
                self.assertRegex(html, r"\.ansi-red-fg\s*\{")  # the theme's CSS styles the class


if __name__ == "__main__":
    unittest.main()
