package dev.jautograd.kernel.session;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The value a cell shows, its last chunk, for fewer of javac's tasks than JShell spends on an
 * expression. JShell evaluates an expression with four: an analysis for its type, a second one
 * for the type of the {@code $N} variable that will hold it, then the wrapper class's analysis
 * and compile; a declaration with a written type needs only the last two.
 *
 * <ul>
 * <li>A chunk that is only the name of a notebook variable ({@code y}, {@code loss;}) is read
 * from the variable, as JShell would after compiling it, with no compile at all.
 * <li>Any other expression {@code E} is declared as {@code java.lang.Object $N = E;} ({@code $N}
 * named as JShell names its temporaries, so a cell reads it as before): the object, and JShell's
 * text for it, are the same; a primitive is boxed, as it was to be shown. When that does not
 * compile (E is void, or does not compile at all) nothing has run: the declaration is dropped
 * and the chunk evaluated as JShell always did, so errors read as before. Assignments
 * ({@code x = 5}, which show nothing) and calls of a few well-known void methods
 * ({@code print}, {@code backward}, ...) go to JShell at once.
 * </ul>
 */
final class ShownValue {
    private static final Pattern NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
    /** Void methods a cell often ends with, whose declaration would only fail first. */
    private static final Set<String> VOID_CALLS = Set.of("print", "println", "backward", "zeroGrad", "step",
            "forEach", "sleep", "clearOutput", "setPrintOptions", "setGradEnabled");

    /**
     * Left to JShell: an assignment shows nothing; a name that is no variable is JShell's to
     * explain; a switch is a statement to JShell; a lambda or method reference has no type alone.
     */
    private static final Set<Tree.Kind> JSHELLS = Set.of(Tree.Kind.ASSIGNMENT, Tree.Kind.IDENTIFIER,
            Tree.Kind.SWITCH_EXPRESSION, Tree.Kind.LAMBDA_EXPRESSION, Tree.Kind.MEMBER_REFERENCE);

    private final JShell shell;
    private final StatementBatcher parser;
    private final VariableFields variables;
    private final Supplier<String> temporaryName;
    private volatile VarSnippet declared;

    ShownValue(JShell shell, StatementBatcher parser, VariableFields variables, Supplier<String> temporaryName) {
        this.shell = shell;
        this.parser = parser;
        this.variables = variables;
        this.temporaryName = temporaryName;
    }

    /** The valid notebook variable the chunk is the name of ({@code y} or {@code y;}), else null. */
    VarSnippet variable(String source) {
        String name = source.strip();
        name = name.endsWith(";") ? name.substring(0, name.length() - 1).strip() : name;
        if (!NAME.matcher(name).matches() || SourceVersion.isKeyword(name)) {
            return null;
        }
        String wanted = name;
        return shell.variables().filter(v -> v.name().equals(wanted) && shell.status(v) == Status.VALID)
                .findFirst().orElse(null);
    }

    /**
     * The events of {@code java.lang.Object $N = E;}, which has run; null when the chunk is not
     * such an expression or the declaration did not compile (nothing ran; its snippet is dropped
     * and added to {@code created}, so the cell's history retires it).
     */
    List<SnippetEvent> declare(String source, List<Snippet> created) {
        // "{": a block to JShell; "...}": a loop, a method or a class, as a rule, not worth a parse.
        String text = source.strip();
        var expression = text.startsWith("{") || text.endsWith("}") ? null : parser.expression(source);
        if (expression == null || JSHELLS.contains(expression.kind())
                || expression.called() != null && VOID_CALLS.contains(expression.called())) {
            return null;
        }
        String name = temporaryName.get();
        var events = shell.eval("java.lang.Object " + name + " = " + source.substring(0, expression.end()) + ";");
        var main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main != null && main.snippet() instanceof VarSnippet variable && main.status() == Status.VALID
                && variable.name().equals(name)) {
            declared = variable;
            return events;
        }
        if (main != null) {
            created.add(main.snippet());
            if (shell.status(main.snippet()).isActive()) { // declared, waiting for a name it lacks
                variables.update(shell.drop(main.snippet()));
            }
        }
        return null;
    }

    /** Whether the snippet is the declaration of a shown value, whose value the cell shows. */
    boolean declared(Snippet snippet) {
        return snippet == declared;
    }
}
