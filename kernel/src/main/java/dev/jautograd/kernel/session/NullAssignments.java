package dev.jautograd.kernel.session;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet.Status;
import jdk.jshell.VarSnippet;

/**
 * A cell of only {@code name = null;} assignments, run without javac. When the heap is full
 * javac cannot run (see {@link MemoryReserve}), and this is how the student frees it: the
 * variable's static field is set to null, which is what the compiled statement would do.
 */
final class NullAssignments {
    private static final Pattern ONE = Pattern.compile(
            "\\s*(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\s*=\\s*null\\s*");

    private final JShell shell;
    private final VariableFields variables;

    NullAssignments(JShell shell, VariableFields variables) {
        this.shell = shell;
        this.variables = variables;
    }

    /**
     * Runs {@code cell} if it is only such assignments, each to a notebook variable that can hold
     * null; false, with nothing done, otherwise.
     */
    boolean run(String cell) {
        var fields = new ArrayList<Field>();
        String[] statements = cell.strip().split(";", -1);
        for (int i = 0; i < statements.length; i++) {
            if (i > 0 && i == statements.length - 1 && statements[i].isBlank()) {
                break; // after the last semicolon
            }
            var assignment = ONE.matcher(statements[i]);
            Field field = assignment.matches() ? fieldOf(assignment.group(1)) : null;
            if (field == null) {
                return false;
            }
            fields.add(field);
        }
        for (var field : fields) {
            try {
                field.set(null, null);
            } catch (IllegalAccessException e) {
                return false; // not reached: VariableFields made it accessible
            }
        }
        return true;
    }

    /**
     * A loop, not a stream with a lambda: this runs when the heap is full, and linking a lambda
     * the first time spins a class, which ran out of heap there (JDK 25).
     */
    private Field fieldOf(String name) {
        for (var each = shell.variables().iterator(); each.hasNext(); ) {
            VarSnippet variable = each.next();
            if (variable.name().equals(name) && shell.status(variable) == Status.VALID) {
                return variables.nullableField(variable);
            }
        }
        return null;
    }
}
