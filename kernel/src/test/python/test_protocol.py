"""Protocol behaviour basekernel 2.3.0 lacked, checked through jupyter_client against the real kernel:
interrupt of a tight loop (variables survive), a bad HMAC signature (kernel survives), unknown
request types (answered with an error), silent / store_history, and `status` on every reply."""
import datetime
import re
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session
from jupyter_client.utils import run_sync

import kernel_env
from kernel_case import TIMEOUT, KernelCase


class ProtocolTests(KernelCase):
    def test_interrupt_tight_loop_keeps_variables(self):
        self.run_cell("var kept = 41;")
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
        reply = self.shell_reply(msg_id, timeout=15)["content"]
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")
        self.iopub_until_idle(msg_id)
        self.assertEqual(self.result_text("kept + 1"), "42")

    def test_interrupt_sleep(self):
        msg_id = self.kc.execute("Thread.sleep(60_000);")
        time.sleep(1.0)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=15)["content"]
        self.assertEqual(reply["status"], "error")
        self.iopub_until_idle(msg_id)
        self.assertEqual(self.result_text("1 + 1"), "2")

    def test_interrupt_reply_has_status_ok(self):
        msg = self.kc.session.msg("interrupt_request", {})
        self.kc.control_channel.send(msg)
        reply = run_sync(self.kc.control_channel.get_msg)(timeout=TIMEOUT)
        self.assertEqual(reply["msg_type"], "interrupt_reply")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_bad_signature_is_dropped_and_kernel_lives(self):
        forger = Session(key=b"not-the-connection-key", signature_scheme="hmac-sha256")
        forged = forger.msg("execute_request", {"code": "var forged = 1;", "silent": False,
                                                "store_history": True, "user_expressions": {},
                                                "allow_stdin": False, "stop_on_error": True})
        forger.send(self.kc.shell_channel.socket, forged)
        with self.assertRaises(Empty):
            self.kc.get_shell_msg(timeout=1.5)
        self.assertEqual(self.result_text("6 * 7"), "42")
        content, _ = self.run_cell("forged")
        self.assertEqual(content["status"], "error", "a forged message must never run")

    def test_unknown_request_gets_error_reply(self):
        msg = self.kc.session.msg("frobnicate_request", {})
        self.kc.shell_channel.send(msg)
        reply = self.shell_reply(msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "frobnicate_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(self.result_text("1 + 2"), "3")

    def test_silent_publishes_nothing_and_keeps_count(self):
        before, _ = self.run_cell("1;")
        content, messages = self.run_cell('System.out.println("hidden"); 5', silent=True)
        self.assertEqual(content["status"], "ok")
        self.assertEqual(messages, [], "silent: no execute_input, no stream, no result")
        after, _ = self.run_cell("2;")
        self.assertEqual(after["execution_count"], before["execution_count"] + 1)

    def test_store_history_false_keeps_count(self):
        before, _ = self.run_cell("1;")
        content, messages = self.run_cell("3 + 4", store_history=False)
        self.assertEqual(content["status"], "ok")
        self.assertIn("execute_result", [m["msg_type"] for m in messages])
        after, _ = self.run_cell("2;")
        self.assertEqual(after["execution_count"], before["execution_count"] + 1)

    def test_kernel_log_lines_stay_out_of_cells(self):
        msg_id = self.kc.execute("Thread.sleep(1500);")
        time.sleep(0.5)
        unknown = self.kc.session.msg("frobnicate_request", {})
        self.kc.control_channel.send(unknown)  # the kernel logs a warning while the cell runs
        reply = self.shell_reply(msg_id)["content"]
        self.assertEqual(reply["status"], "ok")
        streams = [m for m in self.iopub_until_idle(msg_id) if m["msg_type"] == "stream"]
        self.assertEqual(streams, [])
        self.assertEqual(run_sync(self.kc.control_channel.get_msg)(timeout=TIMEOUT)["msg_type"], "frobnicate_reply")

    def test_error_aborts_cells_queued_behind_it(self):
        failing = self.kc.execute('Thread.sleep(500);\nthrow new RuntimeException("stop here");')
        queued = self.kc.execute("var ranAfterError = true;")  # sent before the first one fails
        self.assertEqual(self.shell_reply(failing)["content"]["status"], "error")
        self.assertEqual(self.shell_reply(queued)["content"]["status"], "aborted")
        self.iopub_until_idle(queued)
        content, _ = self.run_cell("ranAfterError")
        self.assertEqual(content["status"], "error", "an aborted cell must not run")
        self.assertEqual(self.result_text("1 + 1"), "2", "cells sent after the abort run again")

    def test_replies_carry_status_ok(self):
        for request, send in [("kernel_info", self.kc.kernel_info), ("comm_info", self.kc.comm_info),
                              ("history", lambda: self.kc.history(hist_access_type="tail", n=1))]:
            with self.subTest(request=request):
                reply = self.shell_reply(send())
                self.assertEqual(reply["msg_type"], request + "_reply")
                self.assertEqual(reply["content"]["status"], "ok")
                # jupyter_client parses an ISO 8601 date of at most 6 fraction digits, as ipykernel sends
                self.assertIsInstance(reply["header"]["date"], datetime.datetime, reply["header"]["date"])

    def test_runtime_error_names_cell_line(self):
        content, messages = self.run_cell('int x = 1;\nObject o = null;\no.toString();')
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "NullPointerException")
        self.assertIn("line 3", "\n".join(content["traceback"]))
        self.assertEqual([m["msg_type"] for m in messages], ["execute_input", "error"])

    def test_compile_error_shows_line_and_caret(self):
        content, _ = self.run_cell('var ok = 1;\nint bad = "text";')
        self.assertEqual(content["ename"], "CompilationException")
        # Coloured as ipykernel's (test_errors checks the colours); the text without them:
        traceback = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in content["traceback"]]
        self.assertIn("Line 2, column 11", "\n".join(traceback))
        self.assertIn('int bad = "text";', traceback)
        self.assertIn(" " * 10 + "^", traceback)

    def test_output_order_follows_writes(self):
        _, messages = self.run_cell('System.out.print("a"); System.err.print("b"); System.out.print("c"); 1')
        streams = [(m["content"]["name"], m["content"]["text"]) for m in messages if m["msg_type"] == "stream"]
        self.assertEqual(streams, [("stdout", "a"), ("stderr", "b"), ("stdout", "c")])
        self.assertEqual(messages[-1]["msg_type"], "execute_result")


class ShutdownTest(unittest.TestCase):
    def test_shutdown_reply_has_status_and_process_exits(self):
        km, kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)
        try:
            msg = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(msg)
            reply = run_sync(kc.control_channel.get_msg)(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            deadline = time.monotonic() + 10
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            self.assertFalse(km.is_alive(), "kernel process should exit after shutdown_reply")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
