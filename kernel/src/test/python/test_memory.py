"""Memory fit for a class (README, "Memory per student"; benchmarks/kernel/memory.py measures
more): after the seed notebook a kernel's PSS is within the 150 MiB goal, and the memory of a
dropped 512 MB tensor goes back to the system by the next cell (a student's pause later): RSS
within 1.5x of what it was before the tensor."""
import pathlib
import sys
import time
import unittest

import nbformat

import kernel_case
import kernel_env

sys.path.insert(0, str(kernel_env.REPO_ROOT / "benchmarks" / "kernel"))
import memory  # noqa: E402  (the measuring script's /proc reading)

NOTEBOOK = kernel_env.REPO_ROOT / "notebooks" / "autograd.ipynb"


class MemoryTest(kernel_case.KernelCase):
    def test_a_fresh_idle_kernel_is_within_120_mib(self):
        """The issue's idle goal, for a kernel alone (every page of the JDK and the archive
        counted on it): start-up's JIT scratch memory goes back to the system through
        launch.sh's periodic native-heap trim (every 5 s; 112 MiB measured, 130 without it)."""
        pid = self.km.provisioner.process.pid
        readings = []
        while len(readings) < 20:  # until start-up's compilations settle: 3 steady readings
            time.sleep(2)
            readings.append(memory.memory(pid)[1] / memory.MIB)
            if len(readings) >= 6 and max(readings[-3:]) - min(readings[-3:]) < 2:
                break
        print(f"\nidle kernel PSS every 2 s: {[round(r) for r in readings]} MiB")
        self.assertLessEqual(readings[-1], 120, readings)

    def test_seed_notebook_then_a_big_tensor_dropped(self):
        pid = self.km.provisioner.process.pid
        for cell in nbformat.read(NOTEBOOK, 4).cells:
            if cell.cell_type == "code":
                content, _ = self.run_cell(cell.source, timeout=120)
                self.assertEqual(content["status"], "ok", (cell.source, content))
        time.sleep(memory.PAUSE_S)  # a student reads; the kernel's idle collection runs meanwhile
        rss, pss = memory.memory(pid)
        print(f"\nafter the seed notebook: RSS {rss / memory.MIB:.0f} MiB, PSS {pss / memory.MIB:.0f} MiB")
        # Alone, a kernel's PSS counts every page of the JDK and the class-data archive on itself
        # (161-172 MiB measured): a guard against regressions; the class figure is the next test's.
        self.assertLess(pss, 185 * memory.MIB)

        for code in ["var big = Torch.zeros(128 * 1024 * 1024);", "big.numel()", "big = null;"]:
            content, _ = self.run_cell(code, timeout=120)
            self.assertEqual(content["status"], "ok", content)
        time.sleep(memory.PAUSE_S)
        self.run_cell("1 + 1")
        after = memory.memory(pid)[0]
        print(f"after a 512 MB tensor was dropped: RSS {after / memory.MIB:.0f} MiB")
        self.assertLess(after, 1.5 * rss)


class ClassMemoryTest(unittest.TestCase):
    def test_kernels_of_a_class_stay_within_the_budget(self):
        """Several students' kernels after the seed notebook: the mean PSS, what a hub sizes by
        (pages of the JDK and the archive are shared), within the 150 MiB goal (measured: 147 MiB
        with 4 kernels, 145 with 8); the bound leaves a little room for a noisy machine."""
        result = memory.concurrent("java", kernel_env.KERNEL_NAME, 4)
        print(f"\n4 kernels after the seed notebook: mean PSS {result['mean_pss_mib']:.0f} MiB")
        self.assertLess(result["mean_pss_mib"], 155)


if __name__ == "__main__":
    unittest.main()
