package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The single pass over a snippet class: what its output holds, read back with ASM. */
class SnippetRewriterTest {
    private static final String SOURCE = "package REPL;\n"
            + "class Fixture {\n"
            + "    int count;\n"
            + "    protected static int shared;\n"
            + "    private int secret;\n"
            + "    static int twice(int x) { return 2 * x; }\n"
            + "    private int hidden() { return secret; }\n"
            + "    public static void quit() { System.exit(3); }\n"
            + "    static void halt() { Runtime.getRuntime().halt(4); }\n"
            + "    static java.util.function.IntConsumer reference() { return System::exit; }\n"
            + "    static Object reflect() throws Exception { return Object.class.getMethod(\"hashCode\").invoke(\"x\"); }\n"
            + "    static void wake(Thread t) { t.interrupt(); }\n"
            + "    static java.util.function.Consumer<Thread> waker() { return Thread::interrupt; }\n"
            + "    static void wakeAll(ThreadGroup g) { g.interrupt(); }\n"
            + "    static class Inner { }\n"
            + "}\n";

    private static Map<String, byte[]> compiled;
    private static Map<String, Integer> access;
    private static List<String> calls;

    @BeforeAll
    static void rewriteOnce() throws Exception {
        compiled = InMemoryJavac.compile(Map.of("REPL.Fixture", SOURCE));
        access = new TreeMap<>();
        calls = new ArrayList<>();
        for (var bytes : compiled.values()) {
            new ClassReader(SnippetRewriter.rewrite(bytes)).accept(new Recorder(), 0);
        }
    }

    /** member ("class" for the class itself), whether it is public after the pass. */
    static Stream<Arguments> members() {
        return Stream.of(
                Arguments.of("class REPL/Fixture", true),
                Arguments.of("class REPL/Fixture$Inner", true),
                Arguments.of("inner REPL/Fixture$Inner", true),
                Arguments.of("field count", true),
                Arguments.of("field shared", true),
                Arguments.of("field secret", false),
                Arguments.of("method twice", true),
                Arguments.of("method hidden", false),
                Arguments.of("method <init>", true));
    }

    @ParameterizedTest
    @MethodSource("members")
    void accessIsWidenedExceptPrivate(String member, boolean isPublic) {
        int flags = access.get(member);
        assertEquals(isPublic, (flags & Opcodes.ACC_PUBLIC) != 0, member + " " + Integer.toHexString(flags));
        assertEquals(0, flags & Opcodes.ACC_PROTECTED, member);
        assertEquals(!isPublic, (flags & Opcodes.ACC_PRIVATE) != 0, member);
    }

    /** A guarded call in the source, and the call the pass leaves in its place. */
    static Stream<Arguments> redirects() {
        String guard = "dev/jautograd/kernel/session/KernelExitRefused.";
        String threads = "dev/jautograd/kernel/session/ThreadGuard.";
        return Stream.of(
                Arguments.of("quit", guard + "systemExit(I)V"),
                Arguments.of("halt", guard + "runtimeHalt(Ljava/lang/Runtime;I)V"),
                Arguments.of("reference", "handle " + guard + "systemExit(I)V"),
                Arguments.of("reflect", "dev/jautograd/kernel/session/ReflectiveExitGuard.invoke("
                        + "Ljava/lang/reflect/Method;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"),
                Arguments.of("wake", threads + "interrupt(Ljava/lang/Thread;)V"),
                Arguments.of("waker", "handle " + threads + "interrupt(Ljava/lang/Thread;)V"),
                Arguments.of("wakeAll", threads + "interrupt(Ljava/lang/ThreadGroup;)V"));
    }

    @ParameterizedTest
    @MethodSource("redirects")
    void guardedCallsAreRedirected(String method, String call) {
        assertEquals(1, calls.stream().filter(c -> c.equals(method + ": " + call)).count(), calls::toString);
        assertEquals(0, calls.stream().filter(c -> c.startsWith(method + ": ")
                && (c.contains("java/lang/System.exit") || c.contains("java/lang/Runtime.halt")
                        || c.contains("java/lang/reflect/Method.invoke") || c.contains("java/lang/Thread.interrupt")
                        || c.contains("java/lang/ThreadGroup.interrupt"))).count(), calls::toString);
    }

    @Test
    void rewrittenClassRunsAndRefusesTheExit() throws Exception {
        var loader = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define(String name) throws Exception {
                byte[] bytes = SnippetRewriter.rewrite(compiled.get(name));
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        var fixture = loader.define("REPL.Fixture");
        assertEquals(42, fixture.getMethod("twice", int.class).invoke(null, 21));
        var thrown = assertThrows(InvocationTargetException.class, () -> fixture.getMethod("quit").invoke(null));
        assertInstanceOf(KernelExitRefused.class, thrown.getCause());
    }

    /** Records access flags by member and each call or method handle by the method containing it. */
    private static final class Recorder extends ClassVisitor {
        Recorder() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int flags, String name, String sig, String superName, String[] interfaces) {
            access.put("class " + name, flags);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int flags) {
            access.put("inner " + name, flags);
        }

        @Override
        public FieldVisitor visitField(int flags, String name, String desc, String sig, Object value) {
            access.put("field " + name, flags);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int flags, String name, String desc, String sig, String[] exceptions) {
            access.putIfAbsent("method " + name, flags); // the outer class's <init> first
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String mdesc, boolean itf) {
                    calls.add(name + ": " + owner + "." + method + mdesc);
                }

                @Override
                public void visitInvokeDynamicInsn(String indy, String desc, Handle bootstrap, Object... args) {
                    for (var arg : args) {
                        if (arg instanceof Handle h) {
                            calls.add(name + ": handle " + h.getOwner() + "." + h.getName() + h.getDesc());
                        }
                    }
                }
            };
        }
    }
}
