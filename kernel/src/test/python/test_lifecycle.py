"""Kernel lifecycle as a classroom server sees it: a kernel whose notebook server was killed
(kill -9, as the OOM killer does) exits by itself within seconds, whether it is reparented to
PID 1 or to a subreaper; SIGTERM ends it promptly, even mid-cell; an idle kernel sends nothing on
IOPub (idle culling counts IOPub traffic as activity)."""
import ctypes
import os
import signal
import subprocess
import sys
import textwrap
import time
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env
import test_faults  # the module, not its test classes: they run there

kernel_env.install()
PR_SET_CHILD_SUBREAPER = 36

# A stand-in notebook server: starts the kernel named by argv[1] with jupyter_client (which sets
# JPY_PARENT_PID), runs the cell in argv[2] if given, prints the kernel's PID and waits to be killed.
SERVER = textwrap.dedent("""
    import sys, time
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=sys.argv[1])
    km.start_kernel()
    kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=60)
    if len(sys.argv) > 2:
        kc.execute_interactive(sys.argv[2], timeout=180, output_hook=lambda message: None)
    print(km.provisioner.process.pid, flush=True)
    time.sleep(600)
""")


def gone(pid):
    """True once the process has exited (a zombie waiting to be reaped counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def reap(pid):
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass  # not our child (reparented to PID 1)


def wait_gone(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        reap(pid)
        if gone(pid):
            return True
        time.sleep(0.1)
    return False


class OrphanTest(unittest.TestCase):
    def orphan_exits(self, subreaper, kernel_name=kernel_env.KERNEL_NAME, *cell):
        server = subprocess.Popen([sys.executable, "-c", SERVER, kernel_name, *cell], stdout=subprocess.PIPE, text=True)
        self.addCleanup(server.stdout.close)
        self.addCleanup(server.wait)
        self.addCleanup(server.kill)
        kernel = int(server.stdout.readline())
        self.addCleanup(lambda: gone(kernel) or os.kill(kernel, signal.SIGKILL))
        self.assertFalse(gone(kernel))
        server.kill()  # kill -9: the server cannot ask its kernel to stop
        server.wait()
        started = time.monotonic()
        self.assertTrue(wait_gone(kernel, 10), f"kernel {kernel} still running 10 s after its parent died"
                        f" (reparented to {'a subreaper' if subreaper else 'PID 1'})")
        return time.monotonic() - started

    def test_orphan_reparented_to_pid_1_exits(self):
        self.assertLess(self.orphan_exits(subreaper=False), 5)

    def test_orphan_with_a_full_heap_exits(self):
        """With the heap capped and full, the watch's log line ran out of heap, ended the watch,
        and the orphan ran on for good, holding its heap."""
        name = test_faults.install_variant("java-autograd-xmx", "-Xmx256m")
        self.assertLess(self.orphan_exits(False, name, test_faults.HeapPressureTests.FILL), 5)

    def test_orphan_reparented_to_a_subreaper_exits(self):
        libc = ctypes.CDLL(None, use_errno=True)
        self.assertEqual(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0)
        try:
            self.assertLess(self.orphan_exits(subreaper=True), 5)
        finally:
            libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


class SignalAndIdleTest(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)
        self.addCleanup(self.km.cleanup_resources)
        self.addCleanup(self.kc.stop_channels)
        self.pid = self.km.provisioner.process.pid

    def test_sigterm_mid_cell_exits_promptly(self):
        self.kc.execute("while (true) { }")
        time.sleep(1)
        os.kill(self.pid, signal.SIGTERM)
        self.assertTrue(wait_gone(self.pid, 3), "kernel still running 3 s after SIGTERM")

    def test_idle_kernel_sends_nothing_on_iopub(self):
        self.kc.execute_interactive('System.out.print("x"); System.err.print("y"); Torch.ones(2)',
                                    output_hook=lambda msg: None, timeout=60)
        time.sleep(0.5)
        while True:  # drain what the cell published
            try:
                self.kc.get_iopub_msg(timeout=0.2)
            except Exception:
                break
        quiet_since = time.monotonic()
        extra = []
        while time.monotonic() - quiet_since < 3:
            try:
                extra.append(self.kc.get_iopub_msg(timeout=0.5))
            except Exception:
                pass
        self.assertEqual([m["msg_type"] for m in extra], [])
        self.km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
