package dev.jautograd.kernel.session;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a notebook cell into JShell snippets with {@code analyzeCompletion}, remembering where
 * each one starts in the cell so errors can point at cell lines.
 */
final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * One snippet's source (leading blanks and comments removed) and its offset in the cell; a
     * block of statements joined by {@link StatementBatcher} also has the statements as parts.
     */
    record Chunk(String source, int offset, List<Chunk> parts) {
        Chunk(String source, int offset) {
            this(source, offset, List.of());
        }

        boolean joined() {
            return !parts.isEmpty();
        }
    }

    List<Chunk> split(String cell) {
        var chunks = new ArrayList<Chunk>();
        int consumed = 0;
        while (consumed < cell.length()) {
            int start = skipBlanksAndComments(cell, consumed);
            if (start >= cell.length()) {
                break;
            }
            String rest = cell.substring(start);
            var info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                // The tail cannot be finished by more input in this cell: hand it to JShell whole so
                // the compiler, not the splitter, explains what is wrong.
                chunks.add(new Chunk(rest, start));
                break;
            }
            chunks.add(new Chunk(info.source(), start));
            consumed = cell.length() - info.remaining().length();
        }
        return chunks;
    }

    /**
     * Where a block comment that never closes starts in {@code cell}, or -1. javac rejects such a
     * unit ("unclosed comment"), but JShell drops the comment and everything after it in silence
     * (a cell ending {@code a = 7;} after an unclosed {@code /*} ran without it and said nothing),
     * so the session refuses the cell first. Strings, text blocks and char literals are skipped,
     * so a {@code "/*"} in one is no comment.
     */
    static int unclosedComment(String cell) {
        int i = 0;
        int n = cell.length();
        while (i < n) {
            char c = cell.charAt(i);
            if (cell.startsWith("//", i)) {
                int eol = cell.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (cell.startsWith("/*", i)) {
                int end = cell.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else if (cell.startsWith("\"\"\"", i)) {
                i = literalEnd(cell, i + 3, "\"\"\"", false);
            } else if (c == '"' || c == '\'') {
                i = literalEnd(cell, i + 1, String.valueOf(c), true);
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Just past the literal's closing quote, from {@code from} inside it (its end if it has none). */
    private static int literalEnd(String cell, int from, String quote, boolean endsAtLine) {
        int j = from;
        while (j < cell.length() && !cell.startsWith(quote, j) && !(endsAtLine && cell.charAt(j) == '\n')) {
            j += cell.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(cell.length(), j + quote.length());
    }

    /**
     * JShell numbers stack-trace lines from the first token, but diagnostics from the first
     * character; starting every snippet at its first token makes both agree with the cell.
     */
    static int skipBlanksAndComments(String s, int from) {
        int i = from;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
