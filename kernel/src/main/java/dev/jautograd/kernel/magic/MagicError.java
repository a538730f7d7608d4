package dev.jautograd.kernel.magic;

import dev.jautograd.kernel.session.CellError;
import dev.jautograd.kernel.session.CellResult;
import java.util.List;

/** A magic that cannot do what it was asked: the cell fails with this, the session goes on. */
final class MagicError extends Exception {
    private final String ename;

    /** @param ename as IPython names it: {@code UsageError} for a wrong magic line */
    MagicError(String ename, String message) {
        super(message);
        this.ename = ename;
    }

    static MagicError usage(String message) {
        return new MagicError("UsageError", message);
    }

    CellResult result() {
        return new CellResult(false, null, null, new CellError(ename, getMessage(), List.of(ename + ": " + getMessage())));
    }
}
