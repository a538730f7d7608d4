"""docker/Dockerfile (a Zero to JupyterHub single-user image with the kernel) dry-run into a
staging root: images can be neither pulled nor built here, so the steps of its last stage are
replayed on this machine with every path the image would write moved under the staging root.

COPY --from=build takes the build stage's output from this checkout (its `mvn package` is what
produced kernel/target/jautograd-kernel.jar); apt-get steps are checked, not run: the packages
they name must be ones this machine has. Then the kernel the image would hold must be listed and
must run a cell."""
import json
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import kernel_env

DOCKERFILE = kernel_env.REPO_ROOT / "docker" / "Dockerfile"


def instructions(text):
    """(INSTRUCTION, argument) in order, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#")))
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            yield word.upper(), rest.strip()


def last_stage(steps):
    stages = [[]]
    for step in steps:
        if step[0] == "FROM":
            stages.append([])
        stages[-1].append(step)
    return stages[-1]


def installed(package):
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return status.stdout == "install ok installed"


class DockerfileDryRunTest(unittest.TestCase):
    def setUp(self):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-image-"))
        self.addCleanup(shutil.rmtree, self.root, True)
        self.env = dict(os.environ, JAVA_HOME=str(pathlib.Path(kernel_env.java_executable()).parents[1]))
        self.moved = []  # image paths written by the steps, to be moved under the staging root

    def staged(self, text):
        for path in sorted(self.moved, key=len, reverse=True):
            text = re.sub(rf"(?<![\w/-]){re.escape(path)}(?=[/\s\"']|$)", str(self.root) + path, text)
        return text

    def copy(self, argument):
        words = shlex.split(argument)
        from_build = words[0] == "--from=build"
        *sources, dest = words[1:] if from_build else words
        self.moved.append(dest.rstrip("/"))
        target = pathlib.Path(self.staged(dest))
        for source in sources:
            # The build stage copied the checkout to /src and ran `mvn package` in it.
            origin = kernel_env.REPO_ROOT / (pathlib.Path(source).relative_to("/src") if from_build else source)
            if source == "/src/kernel/target/jautograd-kernel.jar":
                origin = kernel_env.KERNEL_JAR
            into = target / origin.name if dest.endswith("/") else target
            into.parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if origin.is_dir() else shutil.copy)(origin, into)

    def run_step(self, argument):
        if "apt-get install" in argument:
            packages = [w for w in argument.split("apt-get install", 1)[1].split("&&")[0].split()
                        if not w.startswith("-")]
            missing = [p for p in packages if not installed(p)]
            self.assertEqual(missing, [], "the image's apt-get step names packages this machine lacks")
            return
        result = subprocess.run(["bash", "-c", self.staged(argument)], env=self.env, capture_output=True,
                                text=True, timeout=600)
        self.assertEqual(result.returncode, 0, f"RUN {argument}\n{result.stdout}{result.stderr}")

    def test_last_stage_into_a_staging_root(self):
        steps = last_stage(instructions(DOCKERFILE.read_text()))
        self.assertIn("quay.io/jupyter/base-notebook", steps[0][1])
        for word, argument in steps[1:]:
            with self.subTest(step=f"{word} {argument}"):
                if word == "ENV":
                    name, value = re.split(r"[= ]", argument, maxsplit=1)
                    self.moved.append(value)
                    self.env[name] = self.staged(value)
                elif word == "COPY":
                    self.copy(argument)
                elif word == "RUN":
                    self.run_step(argument)
                else:
                    self.assertEqual(word, "USER", f"the dry run does not know {word}")
        self.assertFalse((self.root / "tmp" / "jautograd").exists(), "the image keeps its build files")
        data = self.root / "opt" / "conda" / "share" / "jupyter"
        spec_dir = data / "kernels" / kernel_env.KERNEL_NAME
        self.assertTrue((spec_dir / "kernel.json").is_file(), list(self.root.rglob("*")))
        for path in [spec_dir, *spec_dir.iterdir()]:
            self.assertEqual(path.stat().st_mode & 0o777, 0o755 if path.is_dir() else 0o644, path)

        env = dict(os.environ, JUPYTER_PATH=str(data))
        listed = subprocess.run(["/usr/bin/jupyter", "kernelspec", "list", "--json"], env=env,
                                capture_output=True, text=True, check=True)
        self.assertIn(kernel_env.KERNEL_NAME, json.loads(listed.stdout)["kernelspecs"])
        code = ("from jupyter_client.manager import start_new_kernel\n"
                "km, kc = start_new_kernel(kernel_name='java-autograd', startup_timeout=60)\n"
                "r = kc.execute_interactive('Torch.ones(2).sum()', output_hook=lambda m: None, timeout=60)\n"
                "print(r['content']['status']); kc.stop_channels(); km.shutdown_kernel(); del kc, km\n")
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(run.stdout.strip(), "ok", run.stdout + run.stderr)


if __name__ == "__main__":
    unittest.main()
