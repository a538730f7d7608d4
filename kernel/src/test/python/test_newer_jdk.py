"""Fault 9 through the real kernel: a JDK whose class files are newer than the kernel's ASM reads.

ASM 9.8 threw "Unsupported class file major version 70" on every snippet on JDK 26. The same
happens here on JDK 25 (version 69) with a kernel jar whose ASM is 9.7, the one maven-shade-plugin
3.6.0 runs with, so every local repository that built the kernel jar holds it. The snippets then
load as compiled: the kernel warns once, on the first cell's stderr, and keeps working."""
import os
import pathlib
import re
import shutil
import subprocess
import unittest
import zipfile

from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_case import KernelCase

OLD_ASM = "9.7"
WARNING = "Warning: this JDK's class files are newer than the kernel's bytecode library (ASM) reads"


def java_feature():
    out = subprocess.run([kernel_env.java_executable(), "-XshowSettings:properties", "-version"],
                         capture_output=True, text=True).stderr
    return int(re.search(r"java\.specification\.version = (\d+)", out).group(1))


def old_asm_jar():
    repo = pathlib.Path(os.environ.get("JAUTOGRAD_MAVEN_REPO") or pathlib.Path.home() / ".m2" / "repository")
    jar = repo / "org" / "ow2" / "asm" / "asm" / OLD_ASM / f"asm-{OLD_ASM}.jar"
    if not jar.exists():
        raise RuntimeError(f"{jar} missing: the kernel build (maven-shade-plugin) resolves it")
    return jar


def install_with_old_asm(name):
    """The tested kernelspec, its jar's ASM classes replaced by ASM 9.7's (no AOT cache: it is the old jar's)."""
    kernel_env.install()
    kernels = kernel_env._prefix / "pfx" / "share" / "jupyter" / "kernels"
    variant = kernels / name
    if not variant.exists():
        shutil.copytree(kernels / kernel_env.KERNEL_NAME, variant)
        for jsa in variant.glob("*.jsa"):
            jsa.unlink()
        jar = next(variant.glob("jautograd-kernel-*.jar"))
        patched = variant / "patched.jar"
        with zipfile.ZipFile(jar) as src, zipfile.ZipFile(old_asm_jar()) as asm, \
                zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as out:
            for item in src.infolist():
                if not item.filename.startswith("org/objectweb/asm/"):
                    out.writestr(item, src.read(item))
            for item in asm.infolist():
                if item.filename.startswith("org/objectweb/asm/"):
                    out.writestr(item, asm.read(item))
        patched.replace(jar)
    return name


@unittest.skipIf(java_feature() < 25, "ASM 9.7 reads this JDK's class files: there is nothing to fall back from")
class OlderAsmThanJdkTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=install_with_old_asm("java-autograd-old-asm"),
                                          startup_timeout=90)

    def stderr_of(self, code):
        content, messages = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        return "".join(m["content"]["text"] for m in messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")

    def test_cells_run_as_compiled_after_one_warning(self):
        first = self.stderr_of("class Box { int v = 41; int next() { return v + 1; } }")
        self.assertEqual(first.count(WARNING), 1, first)
        self.assertIn("System.exit, Runtime.halt and their reflective forms in a cell are not guarded", first)
        # A later cell reaches the earlier one's package-private members: one loader holds both.
        self.assertEqual(self.result_text("new Box().next()"), "42")
        self.assertEqual(self.stderr_of('System.out.println("hello");'), "")
        self.assertEqual(self.result_text("Torch.tensor(new double[] {1, 2}).mul(3)"), "tensor([3., 6.])")
        self.assert_cell_error("Object o = null;\no.hashCode()", "NullPointerException")


if __name__ == "__main__":
    unittest.main()
