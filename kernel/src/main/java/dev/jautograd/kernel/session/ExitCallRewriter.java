package dev.jautograd.kernel.session;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a snippet class so its calls that end the JVM throw {@link KernelExitRefused} instead.
 *
 * <p>Each replacement is a static method with the same stack effect: {@code System.exit(I)V}
 * pops an int, {@code Runtime.exit/halt(I)V} pop the Runtime and an int, so
 * {@code invokestatic KernelExitRefused.runtimeExit(Ljava/lang/Runtime;I)V} leaves the stack and
 * the stack map frames exactly as they were: no frame recomputation is needed. Method references
 * ({@code System::exit}) are method handles given to the lambda factory; they are swapped for
 * handles to the same guards. Calls through reflection or from library code are not seen; this
 * guards what a cell writes.
 */
public final class ExitCallRewriter {
    private static final String GUARD = Type.getInternalName(KernelExitRefused.class);

    private ExitCallRewriter() {
    }

    /** The class with exit calls replaced; the same array if it has none. */
    public static byte[] rewrite(byte[] classBytes) {
        var reader = new ClassReader(classBytes);
        var writer = new ClassWriter(reader, 0);
        var found = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                var next = super.visitMethod(access, name, desc, sig, exceptions);
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String mdesc, boolean itf) {
                        String replacement = replacement(opcode, owner, method, mdesc);
                        if (replacement == null) {
                            super.visitMethodInsn(opcode, owner, method, mdesc, itf);
                            return;
                        }
                        found[0] = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, replacement, guardDesc(opcode), false);
                    }

                    /** {@code IntConsumer quit = System::exit;} passes a method handle to the lambda factory. */
                    @Override
                    public void visitInvokeDynamicInsn(String name, String idesc, Handle bootstrap, Object... args) {
                        var guarded = args.clone();
                        for (int i = 0; i < guarded.length; i++) {
                            if (guarded[i] instanceof Handle handle && guard(handle) != null) {
                                guarded[i] = guard(handle);
                                found[0] = true;
                            }
                        }
                        super.visitInvokeDynamicInsn(name, idesc, bootstrap, guarded);
                    }
                };
            }
        }, 0);
        return found[0] ? writer.toByteArray() : classBytes;
    }

    private static String guardDesc(int opcode) {
        return opcode == Opcodes.INVOKESTATIC ? "(I)V" : "(Ljava/lang/Runtime;I)V";
    }

    /** The guard's handle for a handle to an exit method; null for any other handle. */
    private static Handle guard(Handle handle) {
        int opcode = switch (handle.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            default -> -1;
        };
        String replacement = replacement(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
        return replacement == null ? null
                : new Handle(Opcodes.H_INVOKESTATIC, GUARD, replacement, guardDesc(opcode), false);
    }

    private static String replacement(int opcode, String owner, String method, String desc) {
        if (!desc.equals("(I)V")) {
            return null;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("exit")) {
            return "systemExit";
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")) {
            return switch (method) {
                case "exit" -> "runtimeExit";
                case "halt" -> "runtimeHalt";
                default -> null;
            };
        }
        return null;
    }
}
