"""Kernel > Interrupt during %timeit and %time of a long statement (jupyter_client): the magic stops
within a couple of seconds with a clear message, prints no timing, and the session lives on (the
next cell runs at once, its variables kept)."""
import time

from kernel_case import KernelCase

# Interrupted well before any of these could end on its own.
LONG_MS = 20_000
# A kernel interrupt is a signal, then JShell's stop: allow for a loaded machine, not for a stuck cell.
PROMPT_SECONDS = 5


class TimingInterruptTest(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kc.execute_interactive(
            "long busy(long ms) { long end = System.nanoTime() + ms * 1_000_000; long n = 0;"
            " while (System.nanoTime() < end) n++; return n; }\nint kept = 42;", timeout=60)

    def interrupt_during(self, code, after=2.0):
        msg_id = self.kc.execute(code)
        time.sleep(after)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=60)
        elapsed = time.monotonic() - started
        messages = self.iopub_until_idle(msg_id)
        return reply["content"], messages, elapsed

    def assert_stopped_and_alive(self, code):
        content, messages, elapsed = self.interrupt_during(code)
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], "Interrupted", content)
        self.assertIn("interrupted (Kernel > Interrupt)", content["evalue"])
        self.assertLess(elapsed, PROMPT_SECONDS, f"took {elapsed:.1f} s to stop")
        printed = "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream")
        self.assertNotIn("per loop", printed)
        started = time.monotonic()
        self.assertEqual(self.result_text("kept + 1"), "43")
        self.assertLess(time.monotonic() - started, PROMPT_SECONDS)
        self.assertEqual(self.result_text("1 + 1"), "2")  # not "still running in a thread that cannot be stopped"

    def test_timeit_of_a_busy_statement(self):
        self.assert_stopped_and_alive(f"%timeit busy({LONG_MS})")

    def test_timeit_of_a_sleeping_statement(self):
        self.assert_stopped_and_alive(f"%timeit Thread.sleep({LONG_MS})")

    def test_timeit_of_many_short_loops(self):
        # Each call is short; the magic's own loops must notice the interrupt.
        self.assert_stopped_and_alive("%timeit -n 100000000 busy(1)")

    def test_time_of_a_busy_statement(self):
        self.assert_stopped_and_alive(f"%time busy({LONG_MS})")

    def test_time_cell_magic(self):
        self.assert_stopped_and_alive(f"%%time\nbusy({LONG_MS});")


if __name__ == "__main__":
    import unittest
    unittest.main()
