package dev.jautograd.kernel.session;

/**
 * Stands in for {@code System.setSecurityManager} called from a cell ({@link ExitCallRewriter};
 * {@link ReflectiveExitGuard} for reflection). JDK 17 still installs one when asked; a security
 * manager governs the whole JVM, the kernel too. Found by trying to break the kernel (2026-12-02):
 * one that denied everything made every later cell fail (a {@code BootstrapMethodError}, then
 * {@code SecurityException: getClassLoader}) until a restart. JDK 18+ refuses the call itself
 * ({@code UnsupportedOperationException}), so this is what a cell gets there too. Public because
 * rewritten snippet classes call it.
 */
public final class SecurityManagerGuard {
    private SecurityManagerGuard() {
    }

    /** Stands in for {@code System.setSecurityManager(manager)}. */
    @SuppressWarnings("removal")
    public static void setSecurityManager(SecurityManager manager) {
        throw refusal();
    }

    static UnsupportedOperationException refusal() {
        return new UnsupportedOperationException("System.setSecurityManager refused: a security manager would "
                + "govern the kernel itself (its sockets, JShell, class loading), and every later cell would fail.");
    }
}
