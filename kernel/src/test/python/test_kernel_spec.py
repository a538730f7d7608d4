"""jupyter_kernel_test's protocol conformance suite, every sample filled in for Java.

Skipped by design: test_pager (no pager payloads: JShell has no `?` help that pages).
"""
import unittest

import jupyter_kernel_test

import kernel_env

kernel_env.install()


class JavaAutogradKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_env.KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "Torch.manualSe", "matches": {"manualSeed("}},
        {"text": "\"abc\".toUpperC", "matches": {"toUpperCase("}},
    ]

    complete_code_samples = ["1 + 1", "var x = 5;", "int twice(int v) { return 2 * v; }",
                             "var t = Torch.ones(2);\nt.sum()"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f() {", "1 +", "var s = \"a\" +"]
    invalid_code_samples = [")))", "}", "int x = ;"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"text\"", "result": "\"text\""},
        {"code": "Torch.tensor(new double[]{1., 2.})", "result": "tensor([1., 2.])"},
        {"code": "Torch.tensor(new double[]{3.}, requiresGrad())", "mime": "text/html"},
    ]

    code_display_data = [
        {"code": "display(Torch.ones(2));", "mime": "text/html"},
        {"code": "display(\"plain\");", "mime": "text/plain"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"

    def test_pager(self):
        raise unittest.SkipTest("no pager payloads: JShell has no `?` help that pages")


if __name__ == "__main__":
    unittest.main()
