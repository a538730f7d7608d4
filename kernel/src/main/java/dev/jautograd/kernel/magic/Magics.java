package dev.jautograd.kernel.magic;

import dev.jautograd.kernel.session.CellResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IPython-style magics in front of an {@link Interpreter}: a line that starts with {@code %name}
 * at its very first column is a magic, every other line is Java, so Java code (where {@code %}
 * is an operator between operands) is never misread. {@code %%name} on a cell's first line is a
 * cell magic that takes the rest of the cell.
 *
 * <p>Java between magic lines runs with the lines before it blanked, so an error's line number
 * is still the line in the cell.
 */
public final class Magics implements Interpreter {
    private static final Pattern MAGIC_LINE = Pattern.compile("^%([A-Za-z]\\w*)(?:[ \\t]+(.*))?$");

    /** A line magic: its arguments (the rest of the line), and the cell's count. */
    interface LineMagic {
        CellResult run(String args, int executionCount) throws MagicError;
    }

    private record Entry(String usage, String help, LineMagic magic) {
    }

    private final Interpreter shell;
    private final Map<String, Entry> lineMagics = new LinkedHashMap<>();
    private final Map<String, Entry> cellMagics = new LinkedHashMap<>();

    public Magics(Interpreter shell) {
        this.shell = shell;
        var timing = new TimeMagics(shell);
        var classpath = new ClasspathMagics(shell);
        line("maven", "%maven group:artifact:version ...", "adds Maven artifacts and their dependencies to the classpath (Maven Central, cached in ~/.m2)",
                classpath::maven);
        line("classpath", "%classpath [path ...]", "shows the classpath, or adds jars or folders to it", classpath::classpath);
        line("load", "%load file.jsh", "runs the Java in a file as if it were this cell", this::load);
        line("time", "%time statement", "runs the statement once and prints how long it took", timing::time);
        line("timeit", "%timeit [-n loops] [-r runs] statement", "times a statement over many loops: mean ± std. dev.", timing::timeit);
        line("lsmagic", "%lsmagic", "lists the magics", (args, count) -> print(list()));
        line("help", "%help", "describes each magic", (args, count) -> print(help()));
        cellMagics.put("time", new Entry("%%time", "times the whole cell", (body, count) -> timing.timeCell(this, body, count)));
    }

    private void line(String name, String usage, String help, LineMagic magic) {
        lineMagics.put(name, new Entry(usage, help, magic));
    }

    @Override
    public CellResult execute(String cell, int executionCount) {
        try {
            if (cell.startsWith("%%")) {
                return cellMagic(cell, executionCount);
            }
            return lines(cell, executionCount);
        } catch (MagicError e) {
            return e.result();
        }
    }

    @Override
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    private CellResult cellMagic(String cell, int count) throws MagicError {
        int end = cell.indexOf('\n');
        String first = end < 0 ? cell : cell.substring(0, end);
        String name = first.substring(2).strip().split("\\s+", 2)[0];
        var entry = cellMagics.get(name);
        if (entry == null) {
            throw MagicError.usage("Cell magic `%%" + name + "` not found.");
        }
        // The body keeps its line numbers: the magic line becomes an empty line.
        return entry.magic().run(end < 0 ? "" : "\n" + cell.substring(end + 1), count);
    }

    private CellResult lines(String cell, int count) throws MagicError {
        String[] lines = cell.split("\n", -1);
        var result = new CellResult(false, null, null, null);
        int javaFrom = 0;
        for (int i = 0; i < lines.length; i++) {
            var magic = MAGIC_LINE.matcher(lines[i].stripTrailing());
            if (!magic.matches()) {
                continue;
            }
            result = runJava(lines, javaFrom, i, count, result);
            if (result.failed()) {
                return result;
            }
            var entry = lineMagics.get(magic.group(1));
            if (entry == null) {
                throw MagicError.usage("Line magic function `%" + magic.group(1) + "` not found. %lsmagic lists the magics.");
            }
            result = entry.magic().run(magic.group(2) == null ? "" : magic.group(2).strip(), count);
            if (result.failed()) {
                return result;
            }
            javaFrom = i + 1;
        }
        return runJava(lines, javaFrom, lines.length, count, result);
    }

    /** Runs lines [from, to) as Java, earlier lines blanked; the previous result if they are blank. */
    private CellResult runJava(String[] lines, int from, int to, int count, CellResult previous) {
        var code = new StringBuilder("\n".repeat(from));
        boolean any = false;
        for (int i = from; i < to; i++) {
            code.append(lines[i]).append(i + 1 < to ? "\n" : "");
            any |= !lines[i].isBlank();
        }
        return any ? shell.execute(code.toString(), count) : previous;
    }

    private CellResult load(String args, int count) throws MagicError {
        if (args.isEmpty()) {
            throw MagicError.usage("%load needs a file: %load file.jsh");
        }
        String code;
        try {
            code = java.nio.file.Files.readString(java.nio.file.Path.of(args));
        } catch (java.io.IOException e) {
            throw new MagicError("FileNotFoundError", "cannot read " + args + ": " + e.getMessage());
        }
        return execute(code, count);
    }

    private String list() {
        return "Available line magics:\n" + String.join("  ", lineMagics.keySet().stream().map(n -> "%" + n).toList())
                + "\n\nAvailable cell magics:\n" + String.join("  ", cellMagics.keySet().stream().map(n -> "%%" + n).toList());
    }

    private String help() {
        var sb = new StringBuilder("Magics: a line that starts with % (at its first column) is a magic, not Java.\n\n");
        lineMagics.values().forEach(e -> sb.append(String.format("%-42s %s%n", e.usage(), e.help())));
        cellMagics.values().forEach(e -> sb.append(String.format("%-42s %s%n", e.usage(), e.help())));
        return sb.toString().stripTrailing();
    }

    private static CellResult print(String text) {
        System.out.println(text);
        return new CellResult(false, null, null, null);
    }
}
