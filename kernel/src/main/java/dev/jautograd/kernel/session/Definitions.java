package dev.jautograd.kernel.session;

import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What the {@code jshell} tool says about a declaration that JShell accepted but cannot use yet,
 * in its words: "created method f(), however, it cannot be invoked until variable undefinedVar
 * is declared". Without it a cell like that showed nothing and failed later, at the call.
 */
final class Definitions {
    private final JShell shell;

    Definitions(JShell shell) {
        this.shell = shell;
    }

    /** The note for a declaration that waits for others, or null when it is usable now. */
    String waitingNote(Snippet snippet, Status status) {
        if (!(snippet instanceof DeclarationSnippet declaration)
                || (status != Status.RECOVERABLE_DEFINED && status != Status.RECOVERABLE_NOT_DEFINED)) {
            return null;
        }
        var missing = shell.unresolvedDependencies(declaration).toList();
        if (missing.isEmpty()) {
            return null;
        }
        return "created " + describe(declaration) + ", however, it cannot be " + use(declaration)
                + " until " + join(missing) + (missing.size() == 1 ? " is" : " are") + " declared\n";
    }

    /**
     * The note for a variable that a redefinition (of a class it holds, a method it was computed
     * with) left unusable, or null: jshell's "update modified variable p which cannot be
     * referenced until this error is corrected".
     */
    String updateNote(SnippetEvent event) {
        // A variable declared again is OVERWRITTEN by its new declaration: nothing to say then.
        if (event.causeSnippet() == null || !(event.snippet() instanceof VarSnippet variable)
                || event.previousStatus() != Status.VALID || event.status() == Status.VALID
                || event.status() == Status.OVERWRITTEN || event.status() == Status.DROPPED) {
            return null;
        }
        String why = shell.diagnostics(variable).filter(Diag::isError).findFirst()
                .map(d -> ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")).orElse("");
        return "update modified variable " + variable.name() + ", which cannot be referenced until this error is corrected"
                + why + "\n";
    }

    /** The message for calling such a declaration, in place of JShell's internal snippet key. */
    String unresolvedMessage(DeclarationSnippet declaration) {
        var missing = shell.unresolvedDependencies(declaration).toList();
        return describe(declaration) + " cannot be " + use(declaration) + " until "
                + (missing.isEmpty() ? "it compiles" : join(missing) + (missing.size() == 1 ? " is" : " are") + " declared");
    }

    static String describe(DeclarationSnippet declaration) {
        if (declaration instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (declaration instanceof VarSnippet) {
            return "variable " + declaration.name();
        }
        if (declaration instanceof TypeDeclSnippet type) {
            return kindOf(type) + " " + type.name();
        }
        return declaration.name();
    }

    private static String kindOf(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
            default -> type.subKind().name().startsWith("RECORD") ? "record" : "class";
        };
    }

    private static String use(DeclarationSnippet declaration) {
        if (declaration instanceof MethodSnippet) {
            return "invoked";
        }
        if (declaration instanceof VarSnippet) {
            return "referenced";
        }
        return "instantiated or its methods invoked";
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }
}
