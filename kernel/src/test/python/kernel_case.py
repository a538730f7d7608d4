"""The base of the whole-kernel tests: one real kernel per test class, started through
jupyter_client, with helpers to run a cell and collect what it published."""
import time
from queue import Empty
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env

kernel_env.install()
TIMEOUT = 30


class KernelCase(unittest.TestCase):
    """One kernel per test class; helpers to run a cell and collect what it published."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)
        # wait_for_ready repeats kernel_info_request each second until one is answered: on a slow
        # start the extra replies arrive later and would be taken for the first test's reply.
        while True:
            try:
                cls.kc.get_shell_msg(timeout=0.5)
            except Empty:
                break

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def shell_reply(self, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def iopub_until_idle(self, msg_id, timeout=TIMEOUT):
        messages = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return messages
                continue
            messages.append(msg)

    def run_cell(self, code, timeout=TIMEOUT, **kwargs):
        msg_id = self.kc.execute(code, **kwargs)
        reply = self.shell_reply(msg_id, timeout)
        return reply["content"], self.iopub_until_idle(msg_id, timeout)

    def result_text(self, code):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        results = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, messages)
        return results[0]

    def assert_cell_error(self, code, ename, evalue_part="", timeout=TIMEOUT):
        content, _ = self.run_cell(code, timeout=timeout)
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], ename, content)
        self.assertIn(evalue_part, content["evalue"], content)
        return content
