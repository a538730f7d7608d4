"""install.sh, end to end but without the notebook run: builds, installs into a temp --prefix,
writes the absolute JDK path and the CDS archive into the installed kernelspec, and the result
starts and runs a cell. Also its --help and its refusal of unknown options."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env

INSTALL = kernel_env.REPO_ROOT / "install.sh"


def run_install(*args):
    env = dict(os.environ, JAVA_HOME=str(pathlib.Path(kernel_env.java_executable()).parents[1]))
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, env=env, timeout=600)


class InstallScriptTest(unittest.TestCase):
    def test_help_and_bad_option(self):
        self.assertEqual(run_install("--help").returncode, 0)
        bad = run_install("--no-such-option")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("unknown option", bad.stderr)

    def test_prefix_install_starts_and_runs(self):
        prefix = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-install-"))
        self.addCleanup(shutil.rmtree, prefix, True)
        result = run_install("--prefix", str(prefix), "--no-run")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        spec_dir = prefix / "share" / "jupyter" / "kernels" / kernel_env.KERNEL_NAME
        spec = json.loads((spec_dir / "kernel.json").read_text())
        self.assertTrue(os.path.isabs(spec["argv"][0]) and os.access(spec["argv"][0], os.X_OK), spec["argv"])
        self.assertEqual(spec["language"], "java")
        self.assertEqual(spec["interrupt_mode"], "message")
        self.assertTrue((spec_dir / "jautograd-kernel.jar").is_file())
        if (spec_dir / "jautograd-kernel.jsa").is_file():
            self.assertIn("-XX:SharedArchiveFile={resource_dir}/jautograd-kernel.jsa", spec["argv"])

        saved = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
        try:
            km, kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)
            try:
                reply = kc.execute_interactive("Torch.tensor(new double[]{5.}, requiresGrad()).pow(2)",
                                               output_hook=lambda msg: None, timeout=60)
                self.assertEqual(reply["content"]["status"], "ok")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        finally:
            if saved is None:
                del os.environ["JUPYTER_PATH"]
            else:
                os.environ["JUPYTER_PATH"] = saved


if __name__ == "__main__":
    unittest.main()
