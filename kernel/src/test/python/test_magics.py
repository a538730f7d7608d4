"""Magics through the real kernel: %lsmagic, %help, %time, %%time, %timeit, %load, %classpath and
%maven (against a Maven repository the test builds under file://, and once against Maven Central).

%maven resolves into a local repository the test owns (-Dmaven.repo.local through
JAVA_TOOL_OPTIONS), never the user's ~/.m2."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import textwrap
import unittest
import urllib.error
import urllib.request

from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_case import KernelCase


def stdout_of(messages):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def build_jar(work, package, cls, body, classpath=None):
    """Compiles one class into a jar; returns the jar's path."""
    src = work / "src" / cls
    src.mkdir(parents=True)
    (src / f"{cls}.java").write_text(f"package {package};\n{body}\n")
    out = work / "classes" / cls
    command = ["javac", "--release", "17", "-d", str(out)]
    if classpath:
        command += ["-cp", str(classpath)]
    subprocess.run(command + [str(src / f"{cls}.java")], check=True)
    jar = work / f"{cls}.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(out), "."], check=True)
    return jar


def publish(repo, group, artifact, version, jar, dependencies=()):
    """Lays out a jar and its POM as a Maven repository does."""
    folder = repo.joinpath(*group.split("."), artifact, version)
    folder.mkdir(parents=True)
    shutil.copy(jar, folder / f"{artifact}-{version}.jar")
    deps = "".join(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"
                   for g, a, v in dependencies)
    (folder / f"{artifact}-{version}.pom").write_text(textwrap.dedent(f"""\
        <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
        <groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>
        <dependencies>{deps}</dependencies></project>"""))


class MagicsCase(KernelCase):
    """A kernel whose %maven resolves into a throw-away local repository."""

    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="jautograd-magics-"))
        cls.local_repo = cls.work / "m2"
        cls.km, cls.kc = cls.start_kernel()

    @classmethod
    def start_kernel(cls):
        env = dict(os.environ, JAVA_TOOL_OPTIONS=f"-Dmaven.repo.local={cls.local_repo}")
        return start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60, env=env)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.work, ignore_errors=True)

    def ok(self, code, timeout=60):
        content, messages = self.run_cell(code, timeout=timeout)
        self.assertEqual(content["status"], "ok", content)
        return messages


class MagicsTest(MagicsCase):
    def test_lsmagic_and_help(self):
        listed = stdout_of(self.ok("%lsmagic"))
        for name in ("%maven", "%classpath", "%load", "%time", "%timeit", "%lsmagic", "%help", "%%time"):
            self.assertIn(name, listed)
        self.assertIn("%maven group:artifact:version", stdout_of(self.ok("%help")))

    def test_unknown_magic_is_a_clear_error_and_the_session_goes_on(self):
        content = self.assert_cell_error("int before = 1;\n%nosuch 1 2", "UsageError", "`%nosuch` not found")
        self.assertIn("%lsmagic", content["evalue"])
        self.assertEqual(self.result_text("before + 1"), "2")

    def test_percent_inside_java_is_not_a_magic(self):
        self.assertEqual(self.result_text("int r = 10\n% 3;\nr"), "1")
        self.assertEqual(self.result_text("  %s".strip().replace("%s", '"%d".formatted(7)')), '"7"')

    def test_java_after_a_magic_keeps_its_line_numbers(self):
        content = self.assert_cell_error("%lsmagic\nint a = 1;\nundefinedName", "CompilationException")
        self.assertIn("Line 3, column 1: cannot find symbol", re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content["traceback"])))

    def test_time_returns_the_value(self):
        messages = self.ok("%time 6 * 7")
        self.assertRegex(stdout_of(messages), r"CPU time: .* \(whole process\)\nWall time: [\d.]+ (s|ms|µs|ns)")
        results = [m for m in messages if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_cell_time(self):
        messages = self.ok("%%time\nint s = 0;\nfor (int i = 0; i < 1000; i++) s += i;\ns")
        self.assertIn("Wall time:", stdout_of(messages))
        self.assertEqual([m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"],
                         ["499500"])

    def test_timeit(self):
        out = stdout_of(self.ok("%timeit -n 50 -r 3 Math.sqrt(2.0)"))
        self.assertRegex(out, r"^[\d.]+ (s|ms|µs|ns) ± [\d.]+ (s|ms|µs|ns) per loop "
                              r"\(mean ± std. dev. of 3 runs, 50 loops each\)\n$")
        out = stdout_of(self.ok("var list = new ArrayList<Integer>();\n%timeit -r 2 list.clear()"))
        self.assertRegex(out, r"per loop \(mean ± std. dev. of 2 runs, [\d,]+ loops each\)")
        self.assert_cell_error("%timeit -n zero 1", "UsageError", "-n takes a positive whole number")

    def test_load(self):
        script = self.work / "setup.jsh"
        script.write_text("int loaded = 40;\nloaded + 2\n")
        self.assertEqual(self.result_text(f"%load {script}"), "42")
        self.assert_cell_error(f"%load {self.work / 'missing.jsh'}", "FileNotFoundError", "cannot read")

    def test_classpath_add_and_show(self):
        jar = build_jar(self.work / "cp", "demo.cp", "Hello", "public class Hello { public static String hi() { return \"hi\"; } }")
        self.ok(f"%classpath {jar}")
        self.assertEqual(self.result_text("demo.cp.Hello.hi()"), '"hi"')
        self.assertIn(str(jar), stdout_of(self.ok("%classpath")))
        self.assert_cell_error("%classpath /no/such.jar", "FileNotFoundError", "/no/such.jar")


class MavenTest(MagicsCase):
    """%maven from a file:// repository: transitive, several at once, then offline from the cache."""

    def test_maven_resolves_transitively_and_then_offline(self):
        remote = self.work / "remote"
        base = build_jar(self.work / "b", "demo.base", "Base", "public class Base { public static int two() { return 2; } }")
        top = build_jar(self.work / "t", "demo.top", "Top",
                        "public class Top { public static int four() { return demo.base.Base.two() * 2; } }", classpath=base)
        other = build_jar(self.work / "o", "demo.other", "Other", "public class Other { public static int one() { return 1; } }")
        publish(remote, "demo", "base", "1.0", base)
        publish(remote, "demo", "top", "1.0", top, dependencies=[("demo", "base", "1.0")])
        publish(remote, "demo", "other", "1.0", other)
        url = remote.as_uri()

        out = stdout_of(self.ok(f"%maven --repo {url} demo:top:1.0 demo:other:1.0"))
        self.assertIn("Added 3 jars", out)
        self.assertIn("base-1.0.jar", out)  # the dependency of top, which the cell never named
        self.assertEqual(self.result_text("demo.top.Top.four() + demo.other.Other.one()"), "5")
        self.assertTrue((self.local_repo / "demo" / "base" / "1.0" / "base-1.0.jar").exists())

        # The remote is gone: a new kernel resolves from the local repository alone.
        shutil.rmtree(remote)
        km, kc = self.start_kernel()
        try:
            msg_id = kc.execute(f"%maven --repo {url} demo:top:1.0\ndemo.top.Top.four()")
            reply = kc.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = kc.get_shell_msg(timeout=60)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_resolution_failure_is_a_clear_error(self):
        url = (self.work / "empty").as_uri()
        self.assert_cell_error(f"%maven --repo {url} demo:absent:9.9", "DependencyResolutionException", "demo:absent")
        self.assert_cell_error("%maven not-a-coordinate", "UsageError", "not a Maven coordinate")
        self.assertEqual(self.result_text("1 + 1"), "2")


def central_reachable():
    try:
        urllib.request.urlopen("https://repo.maven.apache.org/maven2/commons-cli/commons-cli/1.9.0/commons-cli-1.9.0.pom",
                               timeout=10)
        return True
    except urllib.error.HTTPError:
        return True  # it answered
    except OSError:
        return False


class CentralTest(MagicsCase):
    """One real resolution from Maven Central; skipped only when Central cannot be reached."""

    def test_maven_central(self):
        if not central_reachable():
            self.skipTest("Maven Central is not reachable from this machine")
        out = stdout_of(self.ok("%maven commons-cli:commons-cli:1.9.0", timeout=120))
        self.assertIn("commons-cli-1.9.0.jar", out)
        self.assertEqual(self.result_text(
            'new org.apache.commons.cli.Options().addOption("v", "verbose").hasOption("v")'), "true")


if __name__ == "__main__":
    unittest.main()
