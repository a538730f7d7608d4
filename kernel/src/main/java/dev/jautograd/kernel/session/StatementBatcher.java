package dev.jautograd.kernel.session;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import com.sun.source.tree.CompilationUnitTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Joins a cell's consecutive plain statements into one JShell snippet, a block, so they cost
 * one compile instead of one each (JShell compiles every snippet with several javac tasks: a
 * cell of 1,000 {@code acc += i;} lines took 26 s).
 *
 * <p>Only statements that declare nothing are joined: a variable, method, class or import stays
 * its own snippet so it persists and can be redefined. What counts is decided by javac's parser
 * (a parse, not a compile: about a millisecond for a whole cell), each chunk parsed as the body
 * of its own method; a chunk that does not parse there cleanly as one such statement, e.g. a
 * method declaration, stays alone. The cell's last chunk stays alone when it is an expression,
 * since its value is what the cell shows. In the block each statement's first token keeps its
 * line, so a stack trace still names the cell's line; a block that does not compile (an
 * unreachable statement, a typo) is not run, and its statements are then run one by one, so
 * compile errors read exactly as before.
 */
final class StatementBatcher {
    /** Keeps a block's method far below the JVM's 64 KB of bytecode. */
    static final int MAX_STATEMENTS = 100;
    static final int MAX_CHARS = 8_000;

    private static final Set<Tree.Kind> PLAIN = Set.of(
            Tree.Kind.EXPRESSION_STATEMENT, Tree.Kind.IF, Tree.Kind.FOR_LOOP, Tree.Kind.ENHANCED_FOR_LOOP,
            Tree.Kind.WHILE_LOOP, Tree.Kind.DO_WHILE_LOOP, Tree.Kind.TRY, Tree.Kind.SWITCH, Tree.Kind.THROW,
            Tree.Kind.SYNCHRONIZED, Tree.Kind.BLOCK, Tree.Kind.LABELED_STATEMENT);

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private StandardJavaFileManager files;

    /**
     * The chunks to evaluate in order: single chunks as they were, and runs of at least two
     * plain statements as one chunk whose {@link CellSplitter.Chunk#parts} are the statements.
     */
    List<CellSplitter.Chunk> batch(List<CellSplitter.Chunk> chunks, String cell) {
        if (chunks.size() < 2 || javac == null) {
            return chunks;
        }
        boolean[] plain = classify(chunks);
        var out = new ArrayList<CellSplitter.Chunk>();
        var run = new ArrayList<CellSplitter.Chunk>();
        int chars = 0;
        for (int i = 0; i < chunks.size(); i++) {
            var chunk = chunks.get(i);
            if (!plain[i] || run.size() == MAX_STATEMENTS || chars + chunk.source().length() > MAX_CHARS) {
                flush(run, out, cell);
                chars = 0;
            }
            if (plain[i]) {
                run.add(chunk);
                chars += chunk.source().length();
            } else {
                out.add(chunk);
            }
        }
        flush(run, out, cell);
        return out;
    }

    private static void flush(List<CellSplitter.Chunk> run, List<CellSplitter.Chunk> out, String cell) {
        if (run.size() == 1) {
            out.add(run.get(0));
        } else if (run.size() > 1) {
            out.add(block(run, cell));
        }
        run.clear();
    }

    /** "{" then each statement on its own line of the cell, so line numbers stay the cell's. */
    static CellSplitter.Chunk block(List<CellSplitter.Chunk> run, String cell) {
        var source = new StringBuilder("{");
        for (int i = 0; i < run.size(); i++) {
            var part = run.get(i);
            source.append(part.source());
            if (i + 1 < run.size()) {
                int lines = ErrorFormatter.lineOf(cell, run.get(i + 1).offset()) - ErrorFormatter.lineOf(cell, part.offset())
                        - (int) part.source().chars().filter(c -> c == '\n').count();
                source.append(lines > 0 ? "\n".repeat(lines) : " ");
            }
        }
        source.append("\n}");
        return new CellSplitter.Chunk(source.toString(), run.get(0).offset(), List.copyOf(run));
    }

    /** Which chunks are plain statements; the last one only when it has no value to show. */
    private boolean[] classify(List<CellSplitter.Chunk> chunks) {
        var wrapper = new StringBuilder("class $Batch {");
        int[] starts = new int[chunks.size()];
        int[] ends = new int[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            wrapper.append("\nvoid m").append(i).append("() {\n");
            starts[i] = wrapper.length();
            wrapper.append(chunks.get(i).source());
            ends[i] = wrapper.length();
            wrapper.append("\n}");
        }
        wrapper.append("\n}\n");
        Tree.Kind[] kinds;
        try {
            kinds = parse(wrapper.toString(), starts, ends);
        } catch (IOException | RuntimeException e) {
            kinds = new Tree.Kind[chunks.size()]; // cannot tell: nothing is joined
        }
        boolean[] plain = new boolean[chunks.size()];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = kinds[i] != null;
        }
        int last = plain.length - 1;
        plain[last] &= kinds[last] != Tree.Kind.EXPRESSION_STATEMENT;
        return plain;
    }

    /** Each chunk's statement kind when it is plain, else null. */
    private Tree.Kind[] parse(String source, int[] starts, int[] ends) throws IOException {
        var kinds = new Tree.Kind[starts.length];
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var task = (JavacTask) javac.getTask(null, fileManager(), diagnostics, List.of("-proc:none"), null,
                List.of(new Source(source)));
        var unit = task.parse().iterator().next();
        var positions = Trees.instance(task).getSourcePositions();
        if (unit.getTypeDecls().size() != 1 || !(unit.getTypeDecls().get(0) instanceof ClassTree wrapper)) {
            return kinds;
        }
        for (Tree member : wrapper.getMembers()) {
            if (member instanceof MethodTree method && method.getName().toString().matches("m\\d+")) {
                int i = Integer.parseInt(method.getName().toString().substring(1));
                if (i < kinds.length && isPlain(method.getBody(), unit, positions, starts[i], ends[i], diagnostics)) {
                    kinds[i] = method.getBody().getStatements().get(0).getKind();
                }
            }
        }
        return kinds;
    }

    /** Exactly one statement of a plain kind, lying within its chunk, with no parse error there. */
    private static boolean isPlain(BlockTree body, CompilationUnitTree unit,
            SourcePositions positions, int start, int end, DiagnosticCollector<JavaFileObject> diagnostics) {
        if (body == null || body.getStatements().size() != 1) {
            return false;
        }
        StatementTree statement = body.getStatements().get(0);
        long from = positions.getStartPosition(unit, statement);
        long to = positions.getEndPosition(unit, statement);
        if (!PLAIN.contains(statement.getKind()) || from < start || to > end) {
            return false;
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            long at = d.getPosition();
            if (d.getKind() == Diagnostic.Kind.ERROR && (at == Diagnostic.NOPOS || at >= start - 16 && at <= end + 2)) {
                return false;
            }
        }
        return true;
    }

    /** A chunk that is one expression statement: the expression's kind, the method it calls, where it ends. */
    record Expression(Tree.Kind kind, String called, int end) {
    }

    /**
     * The chunk as one expression (its first token to its end, a semicolon and comments after it
     * allowed), or null if it is not one. Parsed as a variable's initializer: {@code 1 + 1;} is
     * no statement to javac, only to JShell.
     */
    Expression expression(String source) {
        if (javac == null) {
            return null;
        }
        String prefix = "class $Batch {\nvoid m0() {\nObject $value =\n";
        String text = prefix + source + "\n;\n}\n}\n";
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try {
            var task = (JavacTask) javac.getTask(null, fileManager(), diagnostics, List.of("-proc:none"), null,
                    List.of(new Source(text)));
            var unit = task.parse().iterator().next();
            var positions = Trees.instance(task).getSourcePositions();
            boolean clean = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            if (!clean || unit.getTypeDecls().size() != 1 || !(unit.getTypeDecls().get(0) instanceof ClassTree wrapper)
                    || wrapper.getMembers().size() != 1 || !(wrapper.getMembers().get(0) instanceof MethodTree method)
                    || method.getBody().getStatements().size() != 1
                    || !(method.getBody().getStatements().get(0) instanceof VariableTree variable)
                    || variable.getInitializer() == null
                    || positions.getStartPosition(unit, variable.getInitializer()) != prefix.length()) {
                return null;
            }
            var expression = variable.getInitializer();
            int end = (int) (positions.getEndPosition(unit, expression) - prefix.length());
            String rest = source.substring(end).strip();
            if (!(rest.isEmpty() || rest.equals(";") || rest.startsWith("//") || rest.startsWith(";") && rest.substring(1).strip().startsWith("//"))) {
                return null; // e.g. "a; b": two statements
            }
            String called = !(expression instanceof MethodInvocationTree call) ? null
                    : call.getMethodSelect() instanceof MemberSelectTree select ? select.getIdentifier().toString()
                    : call.getMethodSelect() instanceof IdentifierTree name ? name.getName().toString() : null;
            return new Expression(expression.getKind(), called, end);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private StandardJavaFileManager fileManager() {
        if (files == null) {
            files = javac.getStandardFileManager(null, null, null);
        }
        return files;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String text) {
            super(URI.create("string:///$Batch.java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
