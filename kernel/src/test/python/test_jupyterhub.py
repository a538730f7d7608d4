"""A class on one machine: the kernel installed by root with install.sh --prefix, Debian's
JupyterHub (PAM login, LocalProcessSpawner, Debian's notebook 6 as single-user server), three
throwaway local students who log in through the hub's REST API and run the seed notebook at the
same time over the kernel websocket, each output checked against the PyTorch reference (with
test_notebook's comparison). Then: each kernel runs as its student; a student's cell cannot
read another student's private file, saved notebook or kernel connection files; Kernel >
Interrupt and Restart work through the hub.

Needs root (it creates users and the hub spawns as them) and Debian's jupyterhub; skipped
otherwise. Everything it starts or creates is removed afterwards, also when it fails.
Run alone (as root), after `mvn -q -o -pl kernel -am -DskipTests package`:
  cd kernel/src/test/python && JAUTOGRAD_REPO_ROOT=$PWD/../../../.. /usr/bin/python3 -m unittest -v test_jupyterhub
"""
import concurrent.futures
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import nbformat

import hub_harness
import kernel_env
import test_notebook

STUDENTS = 3
NOTEBOOK_TIMEOUT = 240  # seconds for the whole notebook, three kernels at once on a loaded 2-core machine
INSTALL_TIMEOUT = 300


def skip_reason():
    if os.geteuid() != 0:
        return "needs root: it creates local users and the hub spawns servers as them (CI runs as root)"
    missing = [p for p in (hub_harness.JUPYTERHUB, hub_harness.PROXY, "/usr/bin/jupyterhub-singleuser")
               if not os.path.exists(p)]
    if missing:
        return "JupyterHub not installed (missing " + ", ".join(missing) + \
               "; Debian: apt-get install jupyterhub node-configurable-http-proxy)"
    return None


def note(text):
    print(f"[test_jupyterhub] {text}", file=sys.stderr, flush=True)


def in_parallel(function, items):
    with concurrent.futures.ThreadPoolExecutor(len(items)) as pool:
        return list(pool.map(function, items))


def install_kernel():
    """./install.sh --prefix as an admin runs it (as root); returns the prefix's Jupyter data dir."""
    prefix = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-hub-kernel-"))
    prefix.chmod(0o755)  # mkdtemp's 0700 would hide the kernel from the students, whatever install.sh does
    env = dict(os.environ, JAVA_HOME=str(pathlib.Path(kernel_env.java_executable()).parents[1]))
    install = kernel_env.REPO_ROOT / "install.sh"
    args = ["--prefix", str(prefix), "--no-run"]
    if "--jar" in install.read_text():  # an install.sh that can take the jar just built skips Maven
        args += ["--jar", str(kernel_env.KERNEL_JAR)]
    result = subprocess.run(["bash", str(install), *args], capture_output=True, text=True, env=env,
                            timeout=INSTALL_TIMEOUT)
    if result.returncode != 0:
        shutil.rmtree(prefix, ignore_errors=True)
        raise AssertionError("install.sh --prefix failed:\n" + result.stdout + result.stderr)
    return prefix


@unittest.skipIf(skip_reason(), skip_reason())
class JupyterHubClassTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        started = time.monotonic()
        cls.prefix = install_kernel()
        cls.addClassCleanup(shutil.rmtree, cls.prefix, True)
        cls.spec_dir = cls.prefix / "share" / "jupyter" / "kernels" / kernel_env.KERNEL_NAME
        note(f"install.sh --prefix: {time.monotonic() - started:.1f} s")
        cls.start_hub()
        note(f"hub up at {cls.hub.url}: {time.monotonic() - started:.1f} s")
        cls.start_servers()
        note(f"three servers ready: {time.monotonic() - started:.1f} s")
        starts = cls.start_kernels()
        note("kernel start to kernel_info reply, three at once: " + ", ".join(f"{s:.1f} s" for s in starts))

    @classmethod
    def start_hub(cls):
        cls.students = [hub_harness.Student(name) for name in hub_harness.new_student_names(STUDENTS)]
        for student in cls.students:
            cls.addClassCleanup(student.remove)  # runs after the hub has stopped (cleanups are LIFO)
            student.create()
        cls.hub = hub_harness.Hub(str(cls.prefix / "share" / "jupyter"), [s.name for s in cls.students])
        log_copy = kernel_env.KERNEL_JAR.parent / "test_jupyterhub.log"
        cls.addClassCleanup(lambda: cls.hub.close(keep_log=log_copy if log_copy.parent.is_dir() else None))
        cls.hub.start()

    @classmethod
    def start_servers(cls):
        for student in cls.students:
            cls.hub.login(student)
        cls.addClassCleanup(cls.stop_servers)
        in_parallel(cls.hub.start_server, cls.students)
        for student in cls.students:
            status, specs = hub_harness.http("GET", f"{cls.hub.url}/user/{student.name}/api/kernelspecs",
                                             student.token)
            if kernel_env.KERNEL_NAME not in (specs or {}).get("kernelspecs", {}):
                raise AssertionError(f"{student.name}'s server does not list {kernel_env.KERNEL_NAME}: "
                                     f"HTTP {status} {specs}")

    @classmethod
    def start_kernels(cls):
        """Opens a kernel per student at once; returns the seconds each took to answer kernel_info."""
        from hub_kernel_channel import KernelChannel  # python3-websocket: only needed when not skipped
        cls.kernels = {}
        # Tabs closed, kernels left running: stop_servers checks that stopping a server ends them.
        cls.addClassCleanup(lambda: [k.close(shutdown=False) for k in cls.kernels.values()])

        def open_kernel(student):
            begun = time.monotonic()
            cls.kernels[student.name] = KernelChannel(cls.hub, student, kernel_env.KERNEL_NAME)
            return time.monotonic() - begun
        return in_parallel(open_kernel, cls.students)

    @classmethod
    def stop_servers(cls):
        """The hub's Stop My Server for every student, with their kernels still running: after it
        nothing may run as the student (a kernel left behind holds its memory until reboot).
        Fails the class cleanup if something does; Student.remove kills it anyway."""
        def stop(student):
            cls.hub.stop_server(student)
            try:
                hub_harness.wait_until(f"{student.name}'s processes gone", lambda: not student.pids(), 30)
                return None
            except TimeoutError:
                return student.name + ": " + "; ".join(student.cmdlines())
        left = [text for text in in_parallel(stop, cls.students) if text]
        if left:
            raise AssertionError("still running after the server stopped: " + " | ".join(left))

    def execute_ok(self, student, code):
        reply, outputs = self.kernels[student.name].execute(code, timeout=60)
        self.assertEqual(reply["status"], "ok", f"{student.name}: {code}\n{outputs}")
        return "".join(o.get("text", "") for o in outputs if o.output_type == "stream") + "".join(
            o.data.get("text/plain", "") for o in outputs if o.output_type == "execute_result")

    def execute_error(self, student, code):
        reply, outputs = self.kernels[student.name].execute(code, timeout=60)
        self.assertEqual(reply["status"], "error", f"{student.name}: {code} should fail\n{outputs}")
        errors = [o for o in outputs if o.output_type == "error"]
        self.assertEqual(len(errors), 1, outputs)
        return errors[0]

    def test_seed_notebook_matches_pytorch_for_every_student_at_once(self):
        def run(student):
            notebook = nbformat.read(test_notebook.NOTEBOOK, as_version=4)
            begun = time.monotonic()
            self.kernels[student.name].run_notebook(notebook, NOTEBOOK_TIMEOUT)
            return notebook, time.monotonic() - begun
        results = in_parallel(run, self.students)
        note("seed notebook, three at once: " + ", ".join(f"{t:.1f} s" for _, t in results))
        for student, (notebook, _) in zip(self.students, results):
            with self.subTest(student=student.name):
                test_notebook.assert_matches_reference(self, notebook)

    def test_each_kernel_runs_as_its_student(self):
        for student in self.students:
            with self.subTest(student=student.name):
                printed = self.execute_ok(student, "\n".join([
                    'System.out.println(System.getProperty("user.name"));',
                    'System.out.println(System.getProperty("user.home"));',
                    'System.out.println(System.getProperty("user.dir"));',
                    'System.out.println(Files.readAllLines(Path.of("/proc/self/status")).stream()'
                    '.filter(l -> l.startsWith("Uid:")).findFirst().orElse("no Uid line"));',
                    'System.out.println(ProcessHandle.current().pid());'])).splitlines()
                uid = str(student.uid)
                self.assertEqual(printed[:4], [student.name, student.home, student.home,
                                               "\t".join(["Uid:", uid, uid, uid, uid])])
                # Seen from outside too: the process answering runs a jar of the installed kernelspec.
                pid = int(printed[4])
                self.assertEqual(pathlib.Path(f"/proc/{pid}").stat().st_uid, student.uid)
                cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_text().split("\0")
                self.assertTrue([a for a in cmdline if a.startswith(f"{self.spec_dir}/") and a.endswith(".jar")],
                                cmdline)

    def test_a_student_cannot_read_another_students_files(self):
        owner, other = self.students[0], self.students[1]
        secret = pathlib.Path(owner.home) / "private-answers.txt"
        self.assertEqual(self.execute_ok(owner, "\n".join([
            f'var secret = Path.of("{secret}");',
            'Files.writeString(secret, "answer 42");',
            'Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));',
            'Files.readString(secret)'])), '"answer 42"')
        self.assertEqual((secret.stat().st_uid, secret.stat().st_mode & 0o777), (owner.uid, 0o600))

        denied = self.execute_error(other, f'Files.readString(Path.of("{secret}"))')
        self.assertEqual(denied.ename, "AccessDeniedException", denied)
        self.assertIn(str(secret), denied.evalue)
        # The connection files of the owner's kernels hold their signing keys: with one, another
        # student could run code as the owner.
        runtime = pathlib.Path(owner.home) / ".local" / "share" / "jupyter" / "runtime"
        self.assertTrue(any(runtime.glob("kernel-*.json")), f"no connection file in {runtime}")
        denied = self.execute_error(other, f'Files.list(Path.of("{runtime}")).count()')
        self.assertEqual(denied.ename, "AccessDeniedException", denied)

    def test_a_student_cannot_read_another_students_notebooks(self):
        owner, other = self.students[0], self.students[2]
        notebook = nbformat.read(test_notebook.NOTEBOOK, as_version=4)
        status, _ = hub_harness.http("PUT", f"{self.hub.url}/user/{owner.name}/api/contents/homework.ipynb",
                                     owner.token, {"type": "notebook", "content": notebook})
        self.assertEqual(status, 201)
        saved = pathlib.Path(owner.home) / "homework.ipynb"
        self.assertEqual(saved.stat().st_uid, owner.uid)
        denied = self.execute_error(other, f'Files.readString(Path.of("{saved}")).length()')
        self.assertEqual(denied.ename, "AccessDeniedException", denied)

    def test_interrupt_and_restart_from_the_notebook_page(self):
        student = self.students[2]
        kernel = self.kernels[student.name]
        started = threading.Event()
        result = {}

        def run():
            result["reply"], result["outputs"] = kernel.execute(
                'System.out.println("sleeping"); Thread.sleep(120_000);', timeout=60,
                on_output=lambda output: started.set())
        runner = threading.Thread(target=run)
        runner.start()
        self.assertTrue(started.wait(60), "the cell did not start")
        self.assertEqual(kernel.post("interrupt"), 204)
        runner.join(60)
        self.assertFalse(runner.is_alive(), "the cell did not end after the interrupt")
        self.assertEqual([o.ename for o in result["outputs"] if o.output_type == "error"], ["Interrupted"])

        self.execute_ok(student, "var beforeRestart = 1;")
        self.assertEqual(kernel.post("restart"), 200)
        denied = self.execute_error(student, "beforeRestart")
        self.assertEqual(denied.ename, "CompilationException", denied)
        self.assertEqual(self.execute_ok(student, "Torch.tensor(new double[]{2.}).mul(3)"), "tensor([6.])")


if __name__ == "__main__":
    unittest.main()
