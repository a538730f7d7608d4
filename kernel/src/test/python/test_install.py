"""install.sh as an admin and a class use it.

- Modes: under umask 077 every installed folder is 0755 and every file 0644, owned by the
  installer; the spec holds kernel.json, launch.sh (absolute JDK, versioned jar), the jar, the
  logos, the CDS archive (static: it maps, and holds the graph layout's EMF classes); it starts
  and runs a cell; --help; unknown options refused.
- As root (CI): installs with --sys-prefix (under a throwaway kernelspec name, removed afterwards)
  and --prefix, then as a throwaway unprivileged user (useradd, runuser) lists the kernelspecs,
  runs the seed notebook on the system-wide kernel, and, while that user's kernel runs, upgrades
  the install with a different jar: the running kernel still compiles and runs cells, a restart
  runs the new jar, and the old jar is removed by the next install once no kernel uses it.
"""
import json
import os
import pathlib
import pwd
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid
import zipfile

import nbformat

import kernel_env
import test_notebook

JAR = kernel_env.KERNEL_JAR
SPEC_FILES = {"kernel.json", "launch.sh", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"}


def spec_dir_of(prefix, name=kernel_env.KERNEL_NAME):
    return pathlib.Path(prefix) / "share" / "jupyter" / "kernels" / name


def jars(spec_dir):
    return sorted(p.name for p in spec_dir.glob("jautograd-kernel*.jar"))


def launch_setting(spec_dir, key):
    for line in (spec_dir / "launch.sh").read_text().splitlines():
        if line.startswith(key + "="):
            return line.split("=", 1)[1].split()[0]
    raise AssertionError(f"{key} not in launch.sh")


def public_dir():
    """A temp folder other users can enter (mkdtemp makes 0700 ones)."""
    path = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-install-"))
    path.chmod(0o755)
    return path


class InstallScriptTest(unittest.TestCase):
    def test_help_and_bad_option(self):
        self.assertEqual(kernel_env.run_install("--help").returncode, 0)
        bad = kernel_env.run_install("--no-such-option")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("unknown option", bad.stderr)

    def test_prefix_install_under_umask_077_is_readable_and_starts(self):
        base = public_dir()
        self.addCleanup(shutil.rmtree, base, True)
        prefix = base / "pfx"
        result = subprocess.run(["bash", "-c", 'umask 077; exec bash "$0" "$@"', str(kernel_env.REPO_ROOT / "install.sh"),
                                 "--prefix", str(prefix), "--jar", str(JAR), "--no-run"],
                                capture_output=True, text=True, timeout=600,
                                env=dict(os.environ, JAVA_HOME=str(pathlib.Path(kernel_env.java_executable()).parents[1])))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        spec_dir = spec_dir_of(prefix)
        for path in [prefix, *prefix.rglob("*")]:
            with self.subTest(path=str(path)):
                mode = path.stat().st_mode & 0o7777
                self.assertEqual(mode, 0o755 if path.is_dir() else 0o644, oct(mode))
                self.assertEqual(path.stat().st_uid, os.getuid())
        names = {p.name for p in spec_dir.iterdir()}
        self.assertTrue(SPEC_FILES <= names, names)
        self.assertEqual(len(jars(spec_dir)), 1, names)
        self.assertEqual(launch_setting(spec_dir, "JAR"), jars(spec_dir)[0])
        java = launch_setting(spec_dir, "JAVA")
        self.assertTrue(os.path.isabs(java) and os.access(java, os.X_OK), java)
        self.assert_archive_maps_the_graph_layout(java, spec_dir)
        spec = json.loads((spec_dir / "kernel.json").read_text())
        self.assertEqual((spec["language"], spec["interrupt_mode"]), ("java", "message"))
        self.assertEqual(spec["argv"], ["/bin/bash", "{resource_dir}/launch.sh", "{connection_file}"])

        env = dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter"))
        listed = subprocess.run(["/usr/bin/jupyter", "kernelspec", "list", "--json"], env=env,
                                capture_output=True, text=True, check=True)
        self.assertIn(kernel_env.KERNEL_NAME, json.loads(listed.stdout)["kernelspecs"])
        code = ("from jupyter_client.manager import start_new_kernel\n"
                "km, kc = start_new_kernel(kernel_name='java-autograd', startup_timeout=60)\n"
                "r = kc.execute_interactive('Torch.tensor(new double[]{5.}, requiresGrad()).pow(2)',"
                " output_hook=lambda m: None, timeout=60)\n"
                "print(r['content']['status']); kc.stop_channels(); km.shutdown_kernel(); del kc, km\n")
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(run.stdout.strip(), "ok", run.stdout + run.stderr)
        # A normal start leaves nothing in the server's log (the kernel's stderr).
        self.assertEqual(run.stderr.strip(), "", run.stderr)

        # A copied folder: the CDS archive no longer fits its path; the kernel starts without it, silently.
        moved = base / "moved"
        shutil.copytree(prefix, moved)
        env["JUPYTER_PATH"] = str(moved / "share" / "jupyter")
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(run.stdout.strip(), "ok", run.stdout + run.stderr)
        self.assertEqual(run.stderr.strip(), "", run.stderr)

        # A truncated archive (a copy cut short, a full disk): JDK 17 crashed mapping it (SIGBUS);
        # launch.sh uses it only at the size install.sh wrote, so the kernel starts without it.
        archive = spec_dir / jars(spec_dir)[0].replace(".jar", ".jsa")
        with open(archive, "r+b") as file:
            file.truncate(5000)
        env["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(run.stdout.strip(), "ok", run.stdout + run.stderr)
        self.assertEqual(run.stderr.strip(), "", run.stderr)

    def assert_archive_maps_the_graph_layout(self, java, spec_dir):
        """The class-data archive maps with launch.sh's flags, and holds EMF's classes (class-file
        version 49, under the graph layout), which only a static archive can: a dynamic one
        (-XX:ArchiveClassesAtExit) skips them and the first graph loaded them from the jar."""
        jar = spec_dir / launch_setting(spec_dir, "JAR")
        run = subprocess.run([java, "-Xshare:on", f"-XX:SharedArchiveFile={jar.with_suffix('.jsa')}",
                              "-Xlog:class+load=info:stdout", "--add-modules=jdk.incubator.vector",
                              "-XX:+UseSerialGC", "-jar", str(jar), "--warmup"],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 0, run.stdout[-2000:] + run.stderr)
        emf = [line for line in run.stdout.splitlines() if " org.eclipse.emf.ecore." in line]
        self.assertTrue(emf, "the warm-up's graph loaded no EMF class")
        from_jar = [line for line in emf if "shared objects file" not in line]
        self.assertEqual(len(from_jar), 0, f"{len(from_jar)} of {len(emf)} EMF classes not from the archive,"
                                           f" e.g. {from_jar[:2]}")

    def test_install_needs_no_network_when_everything_is_there(self):
        if os.getuid() != 0 or not shutil.which("unshare"):
            raise unittest.SkipTest("needs root for a network namespace (unshare -n)")
        base = public_dir()
        self.addCleanup(shutil.rmtree, base, True)
        result = subprocess.run(["unshare", "-n", "bash", str(kernel_env.REPO_ROOT / "install.sh"),
                                 "--prefix", str(base / "pfx"), "--jar", str(JAR), "--no-run"],
                                capture_output=True, text=True, timeout=600,
                                env=dict(os.environ, JAVA_HOME=str(pathlib.Path(kernel_env.java_executable()).parents[1])))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn("apt-get", result.stdout + result.stderr)


# Run as the student: the seed notebook on a kernel, the executed notebook printed as JSON.
STUDENT_NOTEBOOK = """
import sys, nbclient, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbclient.NotebookClient(nb, timeout=120, kernel_name=sys.argv[2]).execute()
print(nbformat.writes(nb))
"""

# Run as the student: a kernel that lives through an upgrade, then restarts.
STUDENT_SESSION = """
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
def cell(code):
    out = []
    reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: out.append(
        m['content'].get('data', {}).get('text/plain') or m['content'].get('text') or m['content'].get('evalue')))
    return reply['content']['status'] + ' ' + ''.join(o for o in out if o)
CLASS_PATH = 'System.getProperty("java.class.path")'
print('before', cell('var kept = 41;'), cell(CLASS_PATH), flush=True)
sys.stdin.readline()  # the upgrade happens now
print('running', cell('kept + 1'), cell('Torch.ones(2).mul(3)'), flush=True)
km.restart_kernel(now=False)
kc.wait_for_ready(timeout=60)
print('restarted', cell(CLASS_PATH), cell('Torch.ones(2).sum()'), flush=True)
kc.stop_channels(); km.shutdown_kernel(); del kc, km
"""


@unittest.skipUnless(os.getuid() == 0 and shutil.which("useradd") and shutil.which("runuser"),
                     "needs root, useradd and runuser (CI runs as root)")
class StudentTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = public_dir()
        cls.user = "jag" + uuid.uuid4().hex[:8]
        cls.home = cls.base / "home"
        subprocess.run(["useradd", "-M", "-d", str(cls.home), "-s", "/bin/bash", cls.user], check=True)
        cls.home.mkdir()
        entry = pwd.getpwnam(cls.user)
        os.chown(cls.home, entry.pw_uid, entry.pw_gid)
        for name, text in [("notebook.py", STUDENT_NOTEBOOK), ("session.py", STUDENT_SESSION)]:
            (cls.base / name).write_text(text)
        shutil.copy(test_notebook.NOTEBOOK, cls.base / "autograd.ipynb")
        os.chmod(cls.base / "autograd.ipynb", 0o644)

    @classmethod
    def tearDownClass(cls):
        uid = pwd.getpwnam(cls.user).pw_uid
        for proc in pathlib.Path("/proc").glob("[0-9]*"):  # only this throwaway user's processes
            try:
                if proc.stat().st_uid == uid:
                    os.kill(int(proc.name), 9)
            except OSError:
                pass
        subprocess.run(["userdel", cls.user], check=False)
        shutil.rmtree(cls.base, True)

    def as_student(self, *argv, jupyter_path=None, **kwargs):
        env = ["env", "-i", f"HOME={self.home}", "PATH=/usr/bin:/bin", f"USER={self.user}"]
        if jupyter_path:
            env.append(f"JUPYTER_PATH={jupyter_path}")
        return ["runuser", "-u", self.user, "--", *env, *argv]

    def test_system_wide_install_runs_the_seed_notebook_as_a_student(self):
        name = "java-autograd-test-" + uuid.uuid4().hex[:6]  # never touches a real java-autograd
        result = kernel_env.run_install("--sys-prefix", "--name", name, "--jar", str(JAR), "--no-run")
        spec_dir = pathlib.Path(result.stdout.split(f"into ", 1)[-1].split()[0]) if result.returncode == 0 else None
        if spec_dir:
            self.addCleanup(shutil.rmtree, spec_dir, True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(spec_dir.name, name)
        listed = subprocess.run(self.as_student("/usr/bin/jupyter", "kernelspec", "list", "--json"),
                                capture_output=True, text=True, cwd=self.base, timeout=60)
        self.assertIn(name, json.loads(listed.stdout)["kernelspecs"], listed.stdout + listed.stderr)
        run = subprocess.run(self.as_student("/usr/bin/python3", str(self.base / "notebook.py"),
                                             str(self.base / "autograd.ipynb"), name),
                             capture_output=True, text=True, cwd=self.base, timeout=300)
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])
        executed = nbformat.reads(run.stdout, as_version=4)
        reference = nbformat.read(test_notebook.REFERENCE, as_version=4)
        ours = [c for c in executed.cells if c.cell_type == "code"]
        theirs = [c for c in reference.cells if c.cell_type == "code"]
        self.assertEqual(len(ours), len(theirs))
        for java, python in zip(ours, theirs):
            self.assertEqual(test_notebook.comparable(test_notebook.outputs_text(java)),
                             test_notebook.comparable(test_notebook.outputs_text(python)), java.source)

    def test_upgrade_while_a_student_kernel_runs_then_restart(self):
        prefix = self.base / "pfx"
        first = kernel_env.run_install("--prefix", str(prefix), "--jar", str(JAR), "--no-run")
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        spec_dir = spec_dir_of(prefix)
        old_jar = jars(spec_dir)
        jupyter_path = str(prefix / "share" / "jupyter")
        listed = subprocess.run(self.as_student("/usr/bin/jupyter", "kernelspec", "list", "--json",
                                                jupyter_path=jupyter_path),
                                capture_output=True, text=True, cwd=self.base, timeout=60)
        self.assertIn(kernel_env.KERNEL_NAME, json.loads(listed.stdout)["kernelspecs"], listed.stderr)

        session = subprocess.Popen(self.as_student("/usr/bin/python3", str(self.base / "session.py"),
                                                   kernel_env.KERNEL_NAME, jupyter_path=jupyter_path),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, cwd=self.base)
        self.addCleanup(session.kill)
        before = session.stdout.readline()
        self.assertTrue(before.startswith("before ok"), before + session.stderr.read() if not before else before)
        self.assertIn(old_jar[0], before)

        newer = self.base / "newer.jar"  # a different jar: one more entry, so another content hash
        shutil.copy(JAR, newer)
        with zipfile.ZipFile(newer, "a") as archive:
            archive.writestr("META-INF/jautograd-upgrade-test.txt", "a newer build\n")
        upgrade = kernel_env.run_install("--prefix", str(prefix), "--jar", str(newer), "--no-run")
        self.assertEqual(upgrade.returncode, 0, upgrade.stdout + upgrade.stderr)
        self.assertIn(f"kept {old_jar[0]}", upgrade.stdout)
        new_jar = [j for j in jars(spec_dir) if j not in old_jar]
        self.assertEqual(len(new_jar), 1, jars(spec_dir))

        out, err = session.communicate("go\n", timeout=180)
        running, restarted = (out.splitlines() + ["", ""])[:2]
        # The running kernel still compiles cells against its own (old) jar.
        self.assertEqual(running, "running ok 42 ok tensor([3., 3.])", out + err[-3000:])
        self.assertTrue(restarted.startswith("restarted ok"), out + err[-3000:])
        self.assertIn(new_jar[0], restarted)
        self.assertTrue(restarted.endswith("ok tensor(2.)"), restarted)

        again = kernel_env.run_install("--prefix", str(prefix), "--jar", str(newer), "--no-run")
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertEqual(jars(spec_dir), new_jar)  # the old jar went once no kernel ran it


if __name__ == "__main__":
    unittest.main()
