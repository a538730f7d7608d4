"""Faults an adversarial user still found after the first hardening round (issue 14), through
jupyter_client against the real kernel. After each, the kernel answers and keeps its variables."""
import json
import pathlib
import shutil
import subprocess
import tempfile
import time
import queue
import sys
import unittest

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

import kernel_env
from kernel_case import TIMEOUT, KernelCase


def install_variant(name, *jvm_args):
    """A kernelspec like the tested one with extra JVM options through the admin knob
    (JAUTOGRAD_JAVA_OPTS in the spec's env), e.g. a capped heap, as a hub sets."""
    kernel_env.install()
    kernels = kernel_env._prefix / "pfx" / "share" / "jupyter" / "kernels"
    variant = kernels / name
    if not variant.exists():
        shutil.copytree(kernels / kernel_env.KERNEL_NAME, variant)
        spec = json.loads((variant / "kernel.json").read_text())
        spec["env"] = {"JAUTOGRAD_JAVA_OPTS": " ".join(jvm_args)}
        (variant / "kernel.json").write_text(json.dumps(spec, indent=2))
    return name


class HeapPressureTests(KernelCase):
    """Fault 1: with the heap capped, a cell that fills it (and catches the OutOfMemoryError
    itself) used to end the kernel silently, exit code 0, every variable lost; then, in 2 of 4
    CI runs on JDK 17 and 2 of 5 on 25, a later cell got no reply: javac ran out of heap inside
    JShell, and the kernel's catch ran out again while logging, before the reply. Now javac runs
    only when 16 MB can really be allocated: otherwise a cell gets an OutOfMemoryError saying how
    to free the heap, and `data = null;` runs without javac; answers go before any log line. A
    cell without a reply fails the test."""

    FILL = ("var data = new ArrayList<Object>();"
            " try { while (true) data.add(new double[1 << 20]); } catch (OutOfMemoryError e) { }"
            " try { while (true) data.add(new double[1 << 10]); } catch (OutOfMemoryError e) { }"
            " data.size()")
    SLOW = 180  # filling and collecting a full heap takes long on a loaded machine

    @classmethod
    def setUpClass(cls):
        name = install_variant("java-autograd-xmx", "-Xmx256m")
        cls.km, cls.kc = start_new_kernel(kernel_name=name, startup_timeout=60)

    def setUp(self):
        self.run_cell("var kept = 41;")

    def answered(self, code):
        """run_cell with a timeout for a full heap. A cell without a reply fails the test, with
        the kernel's threads and heap printed (jcmd) to tell where it stuck."""
        try:
            return self.run_cell(code, timeout=self.SLOW)
        except queue.Empty:
            pid = str(self.km.provisioner.process.pid)
            for command in ("Thread.print", "GC.heap_info", "GC.class_histogram"):
                jcmd = str(pathlib.Path(kernel_env.java_executable()).parent / "jcmd")
                dump = subprocess.run([jcmd, pid, command], capture_output=True, text=True, timeout=60)
                text = dump.stdout if command != "GC.class_histogram" else "\n".join(dump.stdout.splitlines()[:60])
                print(f"==> jcmd {pid} {command}\n{text}{dump.stderr}", file=sys.stderr)
            self.fail(f"no reply in {self.SLOW} s to {code!r} (kernel threads on stderr)")

    def assert_ok_or_heap_full(self, code):
        """While the heap is full a cell gets its value, or an OutOfMemoryError shown on it once
        that says how to free the heap."""
        content, messages = self.answered(code)
        if content["status"] == "error":
            self.assertEqual(content["ename"], "OutOfMemoryError", content)
            errors = [m for m in messages if m["msg_type"] == "error"]
            self.assertEqual(len(errors), 1, "the error is shown on the cell")
            self.assertIn("set variables that hold large values to null", content["evalue"])
        else:
            self.assertEqual(content["status"], "ok", content)
        return content

    def free_the_heap(self):
        content, _ = self.answered("data = null;")  # at once: it needs no javac
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(self.result_text("kept + 1"), "42")

    def test_full_heap_is_reported_on_the_cell_and_the_kernel_serves_on(self):
        for _ in range(3):
            self.assert_ok_or_heap_full(self.FILL)
            for _ in range(3):
                self.assert_ok_or_heap_full("kept")
            self.free_the_heap()
        self.assertTrue(self.km.is_alive())

    def test_declarations_and_completion_while_the_heap_is_full(self):
        """The heavier compiles (a method, a class) and code completion, which runs javac too."""
        self.assert_ok_or_heap_full(self.FILL)
        self.assert_ok_or_heap_full("int twice(int x) { return 2 * x; }")
        self.assert_ok_or_heap_full("class Box { double[] values = new double[8]; }")
        msg_id = self.kc.complete("kep", 3)
        self.assertEqual(self.shell_reply(msg_id, timeout=self.SLOW)["content"]["status"], "ok")
        self.iopub_until_idle(msg_id, timeout=self.SLOW)
        # Not only null assignments: compiled, so refused while the heap is full.
        content = self.assert_ok_or_heap_full("data = null; kept = 40 + 1;")
        if content["status"] == "error":
            self.free_the_heap()
        self.assertEqual(self.result_text("int twice(int x) { return 2 * x; }\n"
                                          "class Box { double[] values = new double[8]; }\n"
                                          "twice(kept) + new Box().values.length"), "90")
        self.assertTrue(self.km.is_alive())


class StuckCellTests(KernelCase):
    """Fault 3: a result whose toString() never returns, or a deadlock, held the shell thread:
    Interrupt did nothing and the kernel was stuck. Each test needs a kernel of its own."""

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, startup_timeout=60)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def assert_interrupt_answers(self, code):
        self.run_cell("var kept = 41;")
        msg_id = self.kc.execute(code)
        time.sleep(2)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=15)["content"]
        self.assertLess(time.monotonic() - started, 2.5, "the cell ends about a second after the interrupt")
        self.assertEqual(reply["ename"], "Interrupted", reply)  # stopped, or abandoned saying a restart frees it
        self.iopub_until_idle(msg_id)
        started = time.monotonic()
        content, _ = self.run_cell("kept + 1", timeout=15)  # answered at once: run, or refused with a reason
        self.assertLess(time.monotonic() - started, 5)
        if content["status"] == "error":
            self.assertIn("Restart", content["evalue"])
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=60)
        self.assertEqual(self.result_text("6 * 7"), "42")

    def test_result_whose_to_string_never_returns(self):
        self.assert_interrupt_answers("new Object() { public String toString() { while (true) { } } }")

    def test_deadlock_on_two_monitors(self):
        self.assert_interrupt_answers(
            "Object a = new Object(), b = new Object();\n"
            "var t = new Thread(() -> { synchronized (b) { try { Thread.sleep(200); } catch (InterruptedException e) { }"
            " synchronized (a) { } } });\n"
            "synchronized (a) { t.start(); Thread.sleep(200); synchronized (b) { } }")


class ThreadsFromCellsTests(KernelCase):
    """Fault 4 (part): on JDK 17 a thread made in one statement could not be started in a later
    one (JShell's finished thread group had been destroyed under it)."""

    def test_a_thread_made_in_one_cell_starts_in_the_next(self):
        self.run_cell('var t1 = new Thread(() -> System.out.println("t1 ran"));')
        content, messages = self.run_cell("t1.start(); t1.join();")
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("t1 ran", "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream"))

    def test_a_pool_made_in_one_statement_runs_tasks_in_the_next(self):
        self.assertEqual(self.result_text(
            "var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\n"
            "var answer = pool.submit(() -> 6 * 7);\n"
            "answer.get()"), "42")
        self.run_cell("pool.shutdown();")


class ExitGuardTests(KernelCase):
    """Fault 5: method handles reached System.exit around the reflective guards."""

    LOOKUP = "java.lang.invoke.MethodHandles.lookup()"
    VOID_INT = "java.lang.invoke.MethodType.methodType(void.class, int.class)"

    def setUp(self):
        self.run_cell("var kept = 41;")

    def tearDown(self):
        self.assertEqual(self.result_text("kept + 1"), "42")

    def test_lookup_bind_to_runtime_exit(self):
        self.assert_cell_error(f'{self.LOOKUP}.bind(Runtime.getRuntime(), "exit", {self.VOID_INT}).invoke(0);',
                               "KernelExitRefused", "Runtime.exit")

    def test_method_handle_to_method_invoke(self):
        self.assert_cell_error(
            f'var inv = {self.LOOKUP}.findVirtual(java.lang.reflect.Method.class, "invoke",'
            ' java.lang.invoke.MethodType.methodType(Object.class, Object.class, Object[].class));\n'
            'inv.invoke(System.class.getMethod("exit", int.class), null, new Object[] {0});',
            "KernelExitRefused", "Method.invoke")

    def test_find_special_and_unreflect_special(self):
        self.assert_cell_error(
            f'{self.LOOKUP}.findSpecial(Runtime.class, "halt", {self.VOID_INT}, Runtime.class);',
            "KernelExitRefused", "Runtime.halt")
        self.assert_cell_error(
            f'{self.LOOKUP}.unreflectSpecial(Runtime.class.getMethod("exit", int.class), Runtime.class);',
            "KernelExitRefused", "Runtime.exit")

    def test_lookup_find_static_reached_through_reflection(self):
        self.assert_cell_error(
            'java.lang.invoke.MethodHandles.Lookup.class.getMethod("findStatic", Class.class, String.class,'
            f' java.lang.invoke.MethodType.class).invoke({self.LOOKUP}, System.class, "exit", {self.VOID_INT});',
            "KernelExitRefused", "findStatic")


class DefinitionTests(KernelCase):
    """Fault 2: snippets JShell cannot define were accepted silently and could break the session."""

    def setUp(self):
        self.run_cell("var kept = 41;")

    def tearDown(self):
        content, messages = self.run_cell('System.out.println("hello");')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(self.stderr_and_stdout(messages), "hello\n")
        self.assertEqual(self.result_text("kept + 1"), "42")

    @staticmethod
    def stderr_and_stdout(messages):
        return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")

    def test_string_literal_too_long_for_a_class_file(self):
        content = self.assert_cell_error('String s = "' + "a" * 70000 + '";', "CompilationException")
        self.assertIn("too long", content["evalue"])

    def test_method_too_large_for_a_class_file(self):
        body = "\n".join(f"x += {i};" for i in range(12000))
        content = self.assert_cell_error("int big() { int x = 0;\n" + body + "\nreturn x; }", "CompilationException")
        self.assertIn("too large", content["evalue"])

    def test_method_that_refers_to_an_undeclared_variable(self):
        content, messages = self.run_cell("double f() { return undefinedVar * 2; }")
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("created method f(), however, it cannot be invoked until variable undefinedVar is declared",
                      self.stderr_and_stdout(messages))
        content = self.assert_cell_error("f()", "UnresolvedReferenceException")
        self.assertEqual(content["evalue"], "method f() cannot be invoked until variable undefinedVar is declared")
        self.run_cell("double undefinedVar = 21;")
        self.assertEqual(self.result_text("f()"), "42.0")

    def test_a_variable_declared_again_says_nothing(self):
        # It is replaced, not broken: the note below is for variables a redefinition broke
        # (it was printed for every redeclaration once, `var x = 1;` then `var x = 2;`).
        for first, again in [("var rx = 1;", "var rx = 2;"), ("long[] rts = new long[3];", "long[] rts = new long[5];"),
                             ("String rs = \"a\";", "int rs = 3;")]:
            with self.subTest(again=again):
                self.run_cell(first)
                content, messages = self.run_cell(again)
                self.assertEqual(content["status"], "ok", content)
                self.assertEqual(self.stderr_and_stdout(messages), "")

    def test_redefined_record_says_which_variables_it_dropped(self):
        self.run_cell("record P(int x) {}\nvar p = new P(1);\nvar q = p;")
        content, messages = self.run_cell("record P(int x, int y) {}")
        self.assertEqual(content["status"], "ok", content)
        notes = self.stderr_and_stdout(messages)
        self.assertIn("update modified variable p, which cannot be referenced until this error is corrected: "
                      "constructor P in record P cannot be applied to given types;", notes)
        self.assertIn("update modified variable q, which cannot be referenced", notes)
        self.assert_cell_error("q", "CompilationException")


class ReadableErrorTests(KernelCase):
    """Errors that read well: no blank "location: class " under "cannot find symbol"."""

    def test_cannot_find_symbol_has_no_blank_location(self):
        content = self.assert_cell_error("var y = undefinedName + 1;", "CompilationException", "cannot find symbol")
        self.assertIn("symbol:   variable undefinedName", "\n".join(content["traceback"]))
        self.assertNotIn("location: class", "\n".join(content["traceback"]))
        self.assertNotIn("location: class", content["evalue"])

    def test_null_pointer_names_the_cell_variable(self):
        self.run_cell("String o = null;")
        content = self.assert_cell_error("o.length()", "NullPointerException")
        self.assertEqual(content["evalue"], 'Cannot invoke "String.length()" because "o" is null')


class VanishingErrorTests(KernelCase):
    """Fault 6 (in part): a failure while showing the final value gave status error with no IOPub
    error and no execution_count, so the notebook showed nothing."""

    def test_failure_while_rendering_the_value_is_shown_on_the_cell(self):
        self.run_cell("record Boom(int x) {}\n"
                      "registry().register(Boom.class, (v, text) -> { throw new IllegalStateException(\"render boom\"); });")
        content, messages = self.run_cell("new Boom(1)")
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], "IllegalStateException", content)
        self.assertIn("execution_count", content)
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, messages)
        self.assertEqual(errors[0]["evalue"], "render boom")
        self.assertEqual(self.result_text("6 * 7"), "42")


class OutputIntegrityTests(KernelCase):
    """Fault 8: a UTF-8 character split across two flushes showed as U+FFFD."""

    def test_multibyte_text_copied_in_blocks_arrives_whole(self):
        text = "é€😀ü" * 25000  # about 300 KB of 2-, 3- and 4-byte characters
        code = ('var f = Files.createTempFile("utf8", ".txt");\n'
                'Files.writeString(f, "é€😀ü".repeat(25000));\n'
                'Files.copy(f, System.out);\nSystem.out.flush();')
        content, messages = self.run_cell(code, timeout=120)
        self.assertEqual(content["status"], "ok", content)
        printed = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
        self.assertEqual(printed.count("\ufffd"), 0)
        self.assertEqual(printed, text)


def stream_text(messages, name):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


class StandardStreamTests(KernelCase):
    """System.out, System.err and System.in are the kernel's, shared by every cell. Found by trying
    to break the kernel (2026-12-02): a cell that closed System.out, as competitive-programming
    code closes a PrintWriter over it, silenced every later cell's prints; one that set System.err
    to null made every later cell fail with a bare NullPointerException (JShell compiles each
    snippet with a PrintWriter over System.err), until a restart."""

    def test_a_closed_print_writer_over_system_out_does_not_silence_later_cells(self):
        content, messages = self.run_cell('var w = new PrintWriter(System.out);\nw.println("one");\nw.close();\n'
                                          'System.out.println("two");')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(stream_text(messages, "stdout"), "one\ntwo\n")
        _, messages = self.run_cell('System.out.println("three");')
        self.assertEqual(stream_text(messages, "stdout"), "three\n")

    def test_a_closed_system_err_still_shows_later_errors(self):
        self.run_cell("System.err.close();")
        _, messages = self.run_cell('System.err.println("still here");')
        self.assertEqual(stream_text(messages, "stderr"), "still here\n")

    def test_null_standard_streams_are_put_back_with_a_note(self):
        content, messages = self.run_cell("System.setErr(null);\nSystem.setOut(null);\nSystem.setIn(null);\n"
                                          "int afterNull = 1;")
        self.assertEqual(content["status"], "ok", content)
        notes = stream_text(messages, "stderr")
        for name in ("System.err", "System.out", "System.in"):
            self.assertIn(f"[{name} was set to null: the kernel put its own back", notes)
        content, messages = self.run_cell('System.out.println("printed");\nafterNull + 1')
        self.assertEqual(content["status"], "ok", content)
        self.assertEqual(stream_text(messages, "stdout"), "printed\n")
        self.assertEqual(self.result_text("afterNull + 2"), "3")

    def test_a_stream_pointed_elsewhere_stays_where_the_cell_put_it(self):
        self.run_cell("var kernelOut = System.out;\nvar sink = new ByteArrayOutputStream();\n"
                      "System.setOut(new PrintStream(sink, true));")
        _, messages = self.run_cell('System.out.println("to the sink");')
        self.assertEqual(stream_text(messages, "stdout"), "")
        self.run_cell("System.setOut(kernelOut);")
        self.assertEqual(self.result_text("sink.toString().strip()"), '"to the sink"')


class ThreadSweepTests(KernelCase):
    """Found by trying to break the kernel (2026-12-02): a cell that stopped its threads by
    interrupting every thread of the JVM interrupted the kernel's too; the cell failed with an
    InterruptedException from inside the kernel while its statement ran on, and ZeroMQ sends
    failed. Now only the cells' threads are interrupted (ThreadGuard)."""

    SLEEPER = ('var sleeper = new Thread(() -> {\n'
               '    try { Thread.sleep(60_000); } catch (InterruptedException e) { System.out.println("woken"); }\n'
               '});\nsleeper.start();')

    def sweep(self, sweep):
        """Runs the sweep 50 times in one cell: the cell must end ok, and the kernel answer after."""
        content, messages = self.run_cell(
            "for (int i = 0; i < 50; i++) {\n" + sweep + "\n    Thread.interrupted();\n    Thread.sleep(2);\n}\n")
        self.assertEqual(content["status"], "ok", content)
        for _ in range(5):
            self.assertEqual(self.result_text("6 * 7"), "42")
        return messages

    def test_interrupting_every_thread_reaches_only_the_cells_threads(self):
        self.run_cell(self.SLEEPER)
        self.sweep("    Thread.getAllStackTraces().keySet().forEach(Thread::interrupt);")
        self.assertEqual(self.result_text("sleeper.join(10_000);\nsleeper.isAlive()"), "false")

    def test_interrupting_the_root_thread_group_spares_the_kernel(self):
        self.sweep("    var root = Thread.currentThread().getThreadGroup();\n"
                   "    while (root.getParent() != null) root = root.getParent();\n"
                   "    root.interrupt();")

    def test_the_cells_own_threads_are_still_interrupted_one_by_one(self):
        self.run_cell(self.SLEEPER)
        content, messages = self.run_cell("sleeper.interrupt();\nsleeper.join(10_000);\nsleeper.isAlive()")
        self.assertEqual(content["status"], "ok", content)
        self.assertIn("woken", stream_text(messages, "stdout"))


class ProtocolTests(KernelCase):
    """Fault 7: a replayed signed message ran again; an ipc connection file bound TCP ports silently."""

    def test_a_signed_message_sent_again_is_dropped(self):
        self.run_cell("var runs = 0;")
        info = self.km.get_connection_info()
        session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
        context = zmq.Context()
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        try:
            frames = session.serialize(session.msg("execute_request", {"code": "runs++;", "silent": False}))
            for _ in range(2):
                socket.send_multipart(frames)
            replies = []
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline and len(replies) < 2:
                if socket.poll(500):
                    replies.append(socket.recv_multipart())
                elif replies:
                    break  # the first reply came and nothing followed within half a second
            self.assertEqual(len(replies), 1, "the replayed copy must not be answered")
        finally:
            socket.close()
            context.term()
        self.assertEqual(self.result_text("runs"), "1")

    def test_ipc_transport_fails_at_start_with_a_clear_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            connection = pathlib.Path(tmp) / "kernel-ipc.json"
            connection.write_text(json.dumps({
                "transport": "ipc", "ip": str(pathlib.Path(tmp) / "k"), "key": "k", "signature_scheme": "hmac-sha256",
                "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}))
            started = subprocess.run([kernel_env.java_executable(), "-jar", str(kernel_env.KERNEL_JAR), str(connection)],
                                     capture_output=True, text=True, timeout=60)
        self.assertNotEqual(started.returncode, 0)
        self.assertIn('transport "ipc" in the connection file is not supported', started.stderr)


if __name__ == "__main__":
    unittest.main()
