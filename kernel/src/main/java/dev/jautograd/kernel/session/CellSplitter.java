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
