"""Fault 4 of issue 14, threads from cells, through jupyter_client against the real kernel: a
background thread's output and uncaught exceptions go to the cell that started it while that
cell runs, else to the next cell under a line naming the thread and its cell (never lost, never
unmarked in another cell); a handler the notebook set runs instead; a pool made in one cell
serves later ones; shutdown hooks run at shutdown, within a bounded time."""
import os
import pathlib
import signal
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_case import KernelCase

LATE_PRINT = ('new Thread(() -> {{ try {{ Thread.sleep({ms}); }} catch (InterruptedException e) {{ }}'
              ' System.out.println("{text}"); }}, "{name}").start();')


def streams(messages, name=None):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and (name is None or m["content"]["name"] == name))


class BackgroundOutputTests(KernelCase):
    def test_output_while_the_cell_runs_goes_to_that_cell(self):
        content, messages = self.run_cell(
            'var ticker = new Thread(() -> { for (int i = 0; i < 3; i++) System.out.println("tick " + i); });\n'
            "ticker.start(); ticker.join();")
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(streams(messages), "tick 0\ntick 1\ntick 2\n")

    def test_output_after_the_cell_ended_goes_to_the_next_cell_marked(self):
        content, messages = self.run_cell(LATE_PRINT.format(ms=800, text="late line", name="latecomer"))
        first = content["execution_count"]
        self.assertNotIn("late line", streams(messages))
        time.sleep(2.5)  # the thread prints while no cell runs
        content, messages = self.run_cell("1 + 1")
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(streams(messages, "stdout"),
                         f'[thread "latecomer" of cell {first}, written after that cell had ended:]\nlate line\n')

    def test_output_while_a_later_cell_runs_is_marked_in_it(self):
        content, _ = self.run_cell(
            "var go = new CountDownLatch(1);\n"
            'var waiter = new Thread(() -> { try { go.await(); } catch (InterruptedException e) { }'
            ' System.out.println("from the background"); }, "waiter");\n'
            "waiter.start();")
        first = content["execution_count"]
        content, messages = self.run_cell('System.out.println("own 1");\ngo.countDown();\nwaiter.join();\n'
                                          'System.out.println("own 2");')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(streams(messages), f'own 1\n[thread "waiter" of cell {first}, written after that cell had'
                                            ' ended:]\nfrom the background\nown 2\n')

    def test_a_thread_made_in_one_cell_and_started_in_the_next_prints_there(self):
        content, _ = self.run_cell('var made = new Thread(() -> System.out.println("made ran"), "made");')
        first = content["execution_count"]
        content, messages = self.run_cell("made.start(); made.join();")
        self.assertEqual(content["status"], "ok", content)
        # The thread belongs to the cell that made it (Java threads inherit from their creator).
        self.assertIn("made ran\n", streams(messages))
        self.assertIn(f'[thread "made" of cell {first}', streams(messages))


class BackgroundExceptionTests(KernelCase):
    def test_an_uncaught_exception_is_shown_on_the_cell_that_started_the_thread(self):
        content, messages = self.run_cell(
            'var failing = new Thread(() -> { throw new IllegalStateException("bg boom"); }, "failing");\n'
            "failing.start(); failing.join();")
        self.assertEqual(content["status"], "ok", content)  # as in Python: the cell itself did not fail
        err = streams(messages, "stderr")
        self.assertIn('Exception in thread "failing" java.lang.IllegalStateException: bg boom', err)
        self.assertIn("\tat ", err)

    def test_an_uncaught_exception_after_the_cell_ended_goes_to_the_next_cell(self):
        content, _ = self.run_cell(
            'new Thread(() -> { try { Thread.sleep(800); } catch (InterruptedException e) { }'
            ' throw new IllegalStateException("late boom"); }, "late-failing").start();')
        first = content["execution_count"]
        time.sleep(2.5)
        content, messages = self.run_cell("2 + 2")
        err = streams(messages, "stderr")
        self.assertTrue(err.startswith(f'[thread "late-failing" of cell {first}, written after that cell had ended:]\n'
                                       'Exception in thread "late-failing" java.lang.IllegalStateException: late boom'),
                        err)

    def test_a_task_that_fails_in_a_pool_made_in_an_earlier_cell_is_shown(self):
        self.run_cell("var pool = Executors.newFixedThreadPool(2);")
        self.assertEqual(self.result_text("pool.submit(() -> 6 * 7).get()"), "42")
        _, messages = self.run_cell(
            'pool.execute(() -> { throw new IllegalArgumentException("task boom"); });\nThread.sleep(500);')
        _, later = self.run_cell("0")  # on a slow machine the report may come after the cell: then here
        self.assertIn("java.lang.IllegalArgumentException: task boom", streams(messages + later, "stderr"))
        self.assertEqual(self.result_text("pool.submit(() -> 1 + 1).get()"), "2")
        self.run_cell("pool.shutdown();")


class NotebookHandlerTests(KernelCase):
    """A default handler set in a cell runs (JShell's engine used to replace or bypass it)."""

    def test_the_notebooks_default_handler_runs_in_later_cells(self):
        self.run_cell('Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.out.println("mine: " + e.getMessage()));')
        content, messages = self.run_cell(
            'var t = new Thread(() -> { throw new RuntimeException("handled boom"); }); t.start(); t.join();')
        self.assertEqual(streams(messages), "mine: handled boom\n")
        self.run_cell("Thread.setDefaultUncaughtExceptionHandler(null);")
        content, messages = self.run_cell(
            'var u = new Thread(() -> { throw new RuntimeException("shown again"); }, "u"); u.start(); u.join();')
        self.assertIn('Exception in thread "u" java.lang.RuntimeException: shown again', streams(messages, "stderr"))


class ShutdownHookTests(unittest.TestCase):
    """A hook registered in a cell runs at shutdown; one that never returns cannot keep the
    kernel alive: the JVM halts two seconds after its shutdown began."""

    HANGS = "Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }));"

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)
        self.tmp = tempfile.TemporaryDirectory()
        self.marker = pathlib.Path(self.tmp.name) / "hook-ran"

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)
        else:
            self.km.cleanup_resources()
        self.tmp.cleanup()

    def register_hooks(self):
        writes = ('Runtime.getRuntime().addShutdownHook(new Thread(() -> { try { Files.writeString(Path.of("'
                  + str(self.marker) + '"), "ran"); } catch (IOException e) { throw new UncheckedIOException(e); } }));')
        for code in (writes, self.HANGS):
            reply = self.kc.execute_interactive(code, timeout=30)
            self.assertEqual(reply["content"]["status"], "ok", reply)

    def wait_for_exit(self, process, limit):
        started = time.monotonic()
        try:
            process.wait(timeout=limit + 10)
        except Exception:  # noqa: BLE001 - still alive: the assertion below says so
            pass
        return time.monotonic() - started

    def test_hooks_run_on_sigterm_and_a_hanging_one_is_cut_off(self):
        self.register_hooks()
        process = self.km.provisioner.process
        os.kill(process.pid, signal.SIGTERM)
        took = self.wait_for_exit(process, 5)
        self.assertIsNotNone(process.poll(), "the kernel is still running 15 s after SIGTERM")
        self.assertLess(took, 5, "a hook that never returns must not hold the kernel")
        self.assertEqual(self.marker.read_text(), "ran")

    def test_hooks_run_on_shutdown_request(self):
        self.register_hooks()
        process = self.km.provisioner.process
        self.km.request_shutdown()
        took = self.wait_for_exit(process, 5)
        self.assertIsNotNone(process.poll(), "the kernel is still running after shutdown_request")
        self.assertLess(took, 5)
        self.assertEqual(self.marker.read_text(), "ran")


if __name__ == "__main__":
    unittest.main()
