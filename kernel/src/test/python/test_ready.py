"""Ready means ready: the shell channel's kernel_info is answered once JShell has started, but
never later than the bound (JavaKernel.READY_WAIT_MS, 3 s after the kernel is made), and the
control channel is not held meanwhile: an interrupt sent while JShell starts is answered at once
and leaves the first cell alone. JShell's start is made slow on purpose (an interpreted JVM), so
the wait is certain to reach the bound."""
import os
import time
import unittest

from jupyter_client.manager import KernelManager

import kernel_env

kernel_env.install()
READY_WAIT_S = 3.0
SLACK_S = 6.0  # a loaded machine: the reply, its signing and the client's polling


class ReadyTests(unittest.TestCase):
    def setUp(self):
        self.km = KernelManager(kernel_name=kernel_env.KERNEL_NAME)
        # -Xint: JShell's start (its first javac runs) takes far longer than the ready bound.
        env = dict(os.environ, JAUTOGRAD_JAVA_OPTS="-Xint -Djautograd.warmup=never")
        self.km.start_kernel(env=env)
        self.kc = self.km.client()
        self.kc.start_channels()

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def reply_to(self, channel, msg_id, timeout):
        get = self.kc.get_shell_msg if channel is self.kc.shell_channel else self.kc.get_control_msg
        deadline = time.monotonic() + timeout
        while True:
            msg = get(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def send(self, channel, msg_type):
        msg = self.kc.session.msg(msg_type, {})
        channel.send(msg)
        return msg["header"]["msg_id"]

    def test_ready_waits_for_jshell_within_the_bound_and_control_stays_free(self):
        shell_info = self.send(self.kc.shell_channel, "kernel_info_request")
        control_info = self.send(self.kc.control_channel, "kernel_info_request")
        self.reply_to(self.kc.control_channel, control_info, timeout=120)
        control_at = time.monotonic()
        interrupt = self.send(self.kc.control_channel, "interrupt_request")
        reply = self.reply_to(self.kc.control_channel, interrupt, timeout=SLACK_S)
        self.assertEqual(reply["content"]["status"], "ok")
        self.reply_to(self.kc.shell_channel, shell_info, timeout=READY_WAIT_S + SLACK_S)
        waited = time.monotonic() - control_at
        self.assertGreaterEqual(waited, 1.0, "the shell's kernel_info did not wait for JShell's start")
        self.assertLessEqual(waited, READY_WAIT_S + SLACK_S,
                             "the shell's kernel_info waited beyond the bound for JShell")
        # The interrupt sent while JShell started does not reach the first cell.
        msg_id = self.kc.execute("1 + 1")
        reply = self.reply_to(self.kc.shell_channel, msg_id, timeout=600)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])


if __name__ == "__main__":
    unittest.main()
