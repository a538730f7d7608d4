package dev.jautograd.kernel.session;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion, inspection and completeness checks for whole cells. JShell's analysis works on
 * one snippet, so each request first finds the snippet that holds the cursor.
 */
public final class CodeAssist {
    /** Matches replace {@code code[start, end)}; offsets are Java char indexes. */
    public record Completion(List<String> matches, int start, int end) { }

    /** The Jupyter answers to {@code is_complete_request}. */
    public enum Verdict { COMPLETE, INCOMPLETE, INVALID }

    /**
     * Object's methods that every member list would otherwise open with (x.wait, x.notify, …):
     * monitor and identity plumbing a student never calls on a tensor. Typing them still works.
     */
    private static final java.util.Set<String> OBJECT_PLUMBING = java.util.Set.of(
            "wait(", "notify()", "notifyAll()", "getClass()", "hashCode()", "equals(");

    private final JShellSession session;
    private final SourceCodeAnalysis analysis;

    public CodeAssist(JShellSession session) {
        this.session = session;
        this.analysis = session.shell().sourceCodeAnalysis();
    }

    public Completion complete(String code, int cursor) {
        if (!MemoryReserve.room()) {
            return new Completion(List.of(), cursor, cursor); // javac would run out of heap: no suggestions
        }
        int from = currentSnippetStart(code, cursor);
        // Package names come from JShell's index, built on the first Tab (~0.7 s): an import waits
        // for it; a member or variable name, which needs no index, does not.
        session.completionIndexNeeded(code.substring(from, cursor).stripLeading().startsWith("import"));
        var anchor = new int[1];
        var suggestions = analysis.completionSuggestions(code.substring(from, cursor), cursor - from, anchor);
        // JShell ranks type-matching suggestions first; keep that order, drop overload duplicates.
        boolean member = from + anchor[0] > 0 && code.charAt(from + anchor[0] - 1) == '.';
        var matches = suggestions.stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .filter(c -> !(member && OBJECT_PLUMBING.contains(c)))
                .distinct()
                .collect(Collectors.toList());
        return new Completion(matches, from + anchor[0], cursor);
    }

    /** Signatures (and Javadoc where the JDK ships sources) of what the cursor is on, or "" if nothing. */
    public String inspect(String code, int cursor) {
        if (!MemoryReserve.room()) {
            return ""; // javac would run out of heap
        }
        int from = currentSnippetStart(code, cursor);
        var end = snippetEnd(code, from);
        String snippet = code.substring(from, end);
        int at = Math.min(cursor, end) - from;
        var docs = analysis.documentation(snippet, at, true);
        if (docs.isEmpty()) {
            // JShell documents a method only inside its call; on a bare name ("Math.max|") ask
            // about the call that name would start.
            int nameEnd = at;
            while (nameEnd < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(nameEnd))) {
                nameEnd++;
            }
            docs = analysis.documentation(snippet.substring(0, nameEnd) + "(", nameEnd + 1, true);
        }
        return docs.stream().map(CodeAssist::describe).distinct().collect(Collectors.joining("\n\n"));
    }

    private static String describe(SourceCodeAnalysis.Documentation doc) {
        String javadoc = doc.javadoc();
        if (javadoc == null || javadoc.isBlank()) {
            return doc.signature();
        }
        return doc.signature() + "\n" + summary(javadoc);
    }

    /** Javadoc's summary is its first paragraph; the tags and details below it are noise in a tooltip. */
    private static String summary(String javadoc) {
        int blank = javadoc.indexOf("\n\n");
        return (blank < 0 ? javadoc : javadoc.substring(0, blank)).strip();
    }

    public Verdict isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            var info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return Verdict.COMPLETE;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Verdict.INCOMPLETE;
                case UNKNOWN:
                    return Verdict.INVALID;
                default:
                    rest = info.remaining();
            }
        }
        return Verdict.COMPLETE;
    }

    /** Start of the snippet the cursor is in: the end of the last complete snippet before it. */
    private int currentSnippetStart(String code, int cursor) {
        String prefix = code.substring(0, cursor);
        int start = CellSplitter.skipBlanksAndComments(prefix, 0);
        while (start < prefix.length()) {
            var info = analysis.analyzeCompletion(prefix.substring(start));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            start = CellSplitter.skipBlanksAndComments(prefix, prefix.length() - info.remaining().length());
        }
        return Math.min(start, cursor);
    }

    /** End of the snippet starting at {@code from}, so inspection sees the whole call, not half of it. */
    private int snippetEnd(String code, int from) {
        var info = analysis.analyzeCompletion(code.substring(from));
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY || !info.completeness().isComplete()) {
            return code.length();
        }
        return code.length() - info.remaining().length();
    }
}
