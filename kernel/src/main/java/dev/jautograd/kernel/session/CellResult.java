package dev.jautograd.kernel.session;

/**
 * What one cell produced: either the value of its final expression (possibly none), or an error.
 *
 * @param hasValue  true when the cell ended in an expression (a declaration shows nothing)
 * @param value     the expression's object, as the JShell engine held it (may be null)
 * @param valueText JShell's own text for it ({@code String.valueOf}, Strings quoted)
 * @param error     the failure, or null when the cell ran to the end
 */
public record CellResult(boolean hasValue, Object value, String valueText, CellError error) {
    static CellResult nothing() {
        return new CellResult(false, null, null, null);
    }

    static CellResult value(Object value, String text) {
        return new CellResult(true, value, text, null);
    }

    public static CellResult failed(CellError error) {
        return new CellResult(false, null, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
