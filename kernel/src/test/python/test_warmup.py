"""The background warm-up (LibraryWarmup), forced on whatever the machine's load: cells that run
while it does see nothing of it (the seeded random numbers are PyTorch's, grad mode is theirs)."""
import os
import unittest

from kernel_case import KernelCase

# torch.manual_seed(0); torch.randn(2, 2) with Debian's torch 1.13
SEEDED = "tensor([[ 1.5410, -0.2934],\n        [-2.1788,  0.5684]])"


class WarmupTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        before = os.environ.get("JAUTOGRAD_JAVA_OPTS")
        os.environ["JAUTOGRAD_JAVA_OPTS"] = "-Djautograd.warmup=always"
        try:
            super().setUpClass()
        finally:
            if before is None:
                del os.environ["JAUTOGRAD_JAVA_OPTS"]
            else:
                os.environ["JAUTOGRAD_JAVA_OPTS"] = before

    def test_cells_during_the_warmup_see_their_own_state(self):
        for _ in range(5):  # the first cells run while the warm-up thread may still be going
            self.assertEqual(self.result_text("manualSeed(0);\nrandn(2, 2)"), SEEDED)
            self.assertEqual(self.result_text("isGradEnabled()"), "true")
        self.assertEqual(self.result_text("var a = tensor(new double[]{5.}, requiresGrad());\n"
                                          "a.pow(3).backward();\na.grad()"), "tensor([75.])")


if __name__ == "__main__":
    unittest.main()
