package dev.jautograd.kernel.session;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes a snippet class and its non-private members public.
 *
 * <p>javac compiles every snippet into the package {@code REPL}, so a later snippet reads an
 * earlier one's variable through a package-private class and field. {@link SnippetClassLoading}
 * defines each batch of snippets in its own class loader (so that retired ones can be
 * unloaded), and the JVM counts classes of one package name in two loaders as two packages:
 * package access between them would fail with IllegalAccessError. Public access is what javac
 * already allowed (same package); private members stay private within their nest.
 */
final class AccessWidener {
    private static final int WIDEN = Opcodes.ACC_PUBLIC;
    private static final int NARROW = Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED;

    private AccessWidener() {
    }

    /** A visitor that widens access on the way to {@code next}; part of {@link SnippetRewriter}'s single pass. */
    static ClassVisitor widening(ClassVisitor next) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
                super.visit(version, widened(access), name, sig, superName, interfaces);
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                super.visitInnerClass(name, outerName, innerName, widened(access));
            }

            @Override
            public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                return super.visitField(widened(access), name, desc, sig, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                int kept = name.equals("<clinit>") ? access : widened(access);
                return super.visitMethod(kept, name, desc, sig, exceptions);
            }
        };
    }

    /** Package-private and protected become public; private stays. */
    static int widened(int access) {
        if ((access & Opcodes.ACC_PRIVATE) != 0) {
            return access;
        }
        return (access & ~NARROW) | WIDEN;
    }
}
