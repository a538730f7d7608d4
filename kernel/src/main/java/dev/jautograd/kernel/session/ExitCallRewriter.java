package dev.jautograd.kernel.session;

import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a snippet class so its calls that could end the JVM go through guards that throw
 * {@link KernelExitRefused} instead, and its calls that interrupt or stop threads through
 * {@link ThreadGuard}, which spares the kernel's own threads, and
 * {@code System.setSecurityManager} through {@link SecurityManagerGuard}, which refuses it.
 *
 * <p>Each redirect is a static method with the same stack effect: {@code System.exit(I)V} pops
 * an int, {@code Runtime.exit/halt(I)V} pop the Runtime and an int, so
 * {@code invokestatic KernelExitRefused.runtimeExit(Ljava/lang/Runtime;I)V} leaves the stack and
 * the stack map frames exactly as they were: no frame recomputation is needed. The reflective
 * ways in ({@code Method.invoke}, {@code Lookup.findStatic/findVirtual/unreflect}) go through
 * {@link ReflectiveExitGuard}, which refuses the exit methods and passes anything else on.
 * Method references ({@code System::exit}) are method handles given to the lambda factory; they
 * are swapped for handles to the same guards. Calls from library code are not seen; this guards
 * what a cell writes.
 */
final class ExitCallRewriter {
    private static final String EXIT_GUARD = Type.getInternalName(KernelExitRefused.class);
    private static final String THREAD_GUARD = Type.getInternalName(ThreadGuard.class);
    private static final String SECURITY_GUARD = Type.getInternalName(SecurityManagerGuard.class);
    private static final String REFLECTION_GUARD = Type.getInternalName(ReflectiveExitGuard.class);
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String FIND = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;";

    /** A call to replace: its opcode, owner, name and descriptor, and the guard method taking its place. */
    private record Redirect(int opcode, String owner, String name, String desc, String guardOwner, String guard) {
        /** The guard's descriptor: a virtual call's receiver becomes the first argument. */
        String guardDesc() {
            return opcode == Opcodes.INVOKESTATIC ? desc : "(L" + owner + ";" + desc.substring(1);
        }

        boolean matches(int op, String o, String n, String d) {
            return op == opcode && o.equals(owner) && n.equals(name) && d.equals(desc);
        }
    }

    private static final List<Redirect> REDIRECTS = List.of(
            new Redirect(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", EXIT_GUARD, "systemExit"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "exit", "(I)V", EXIT_GUARD, "runtimeExit"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "halt", "(I)V", EXIT_GUARD, "runtimeHalt"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "interrupt", "()V", THREAD_GUARD, "interrupt"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/ThreadGroup", "interrupt", "()V", THREAD_GUARD, "interrupt"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "stop", "()V", THREAD_GUARD, "stop"),
            new Redirect(Opcodes.INVOKESTATIC, "java/lang/System", "setSecurityManager", "(Ljava/lang/SecurityManager;)V",
                    SECURITY_GUARD, "setSecurityManager"),
            new Redirect(Opcodes.INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                    "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", REFLECTION_GUARD, "invoke"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "findStatic", FIND, REFLECTION_GUARD, "findStatic"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "findVirtual", FIND, REFLECTION_GUARD, "findVirtual"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "unreflect",
                    "(Ljava/lang/reflect/Method;)Ljava/lang/invoke/MethodHandle;", REFLECTION_GUARD, "unreflect"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "findSpecial",
                    "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;",
                    REFLECTION_GUARD, "findSpecial"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "bind",
                    "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;",
                    REFLECTION_GUARD, "bind"),
            new Redirect(Opcodes.INVOKEVIRTUAL, LOOKUP, "unreflectSpecial",
                    "(Ljava/lang/reflect/Method;Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;", REFLECTION_GUARD,
                    "unreflectSpecial"));

    private ExitCallRewriter() {
    }

    /** A visitor that redirects guarded calls on their way to {@code next}; part of {@link SnippetRewriter}'s single pass. */
    static ClassVisitor guarding(ClassVisitor next) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new GuardingMethod(super.visitMethod(access, name, desc, sig, exceptions));
            }
        };
    }

    private static final class GuardingMethod extends MethodVisitor {
        GuardingMethod(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String mdesc, boolean itf) {
            var redirect = redirectFor(opcode, owner, method, mdesc);
            if (redirect == null) {
                super.visitMethodInsn(opcode, owner, method, mdesc, itf);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, redirect.guardOwner(), redirect.guard(), redirect.guardDesc(), false);
            }
        }

        /** {@code IntConsumer quit = System::exit;} passes a method handle to the lambda factory. */
        @Override
        public void visitInvokeDynamicInsn(String name, String idesc, Handle bootstrap, Object... args) {
            var guarded = args.clone();
            for (int i = 0; i < guarded.length; i++) {
                if (guarded[i] instanceof Handle handle && guard(handle) != null) {
                    guarded[i] = guard(handle);
                }
            }
            super.visitInvokeDynamicInsn(name, idesc, bootstrap, guarded);
        }
    }

    /** The guard's handle for a handle to a guarded method; null for any other handle. */
    private static Handle guard(Handle handle) {
        int opcode = switch (handle.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            default -> -1;
        };
        var redirect = redirectFor(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
        return redirect == null ? null
                : new Handle(Opcodes.H_INVOKESTATIC, redirect.guardOwner(), redirect.guard(), redirect.guardDesc(), false);
    }

    private static Redirect redirectFor(int opcode, String owner, String name, String desc) {
        for (var redirect : REDIRECTS) {
            if (redirect.matches(opcode, owner, name, desc)) {
                return redirect;
            }
        }
        return null;
    }
}
