package dev.jautograd.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jautograd.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference notebook (resources/reference/autograd-pytorch.ipynb, run by PyTorch) redone in
 * Java, cell by cell, in one JShell session as a notebook kernel would run it: each Java cell
 * shows the value of its final expression, or what it printed, and that text must equal the
 * PyTorch cell's output. Java's {@code null} printed stands for Python's None. The cell showing
 * the Generator object (an address) is run but not compared.
 */
class SeedNotebookTest {
    /** Reference cell index → the Java cell; in order, sharing one session. */
    static final Map<Integer, String> CELLS = new java.util.LinkedHashMap<>();

    static {
        CELLS.put(2, "var a = Torch.tensor(new double[]{5.}, requiresGrad()); "
                + "var b = Torch.tensor(new double[]{6.}, requiresGrad());");
        CELLS.put(3, "a");
        CELLS.put(4, "b");
        CELLS.put(5, "var y = a.pow(3).sub(b.pow(2));");
        CELLS.put(6, "y");
        CELLS.put(9, "System.out.println(a.grad());");
        CELLS.put(10, "System.out.println(b.grad());");
        CELLS.put(12, "y.backward();");
        CELLS.put(13, "System.out.println(a.grad()); System.out.println(b.grad());");
        CELLS.put(15, "Torch.manualSeed(0)");
        CELLS.put(16, "var w = Torch.randn(10, 1).requiresGrad_(); w");
        CELLS.put(17, "var x = Torch.randn(1, 10).requiresGrad_(); x");
        CELLS.put(18, "var output = Torch.matmul(x, w).add(b); output");
        CELLS.put(19, "var loss = output.rsub(1); loss");
        CELLS.put(20, "loss.backward();");
        CELLS.put(21, "w.grad()");
        CELLS.put(22, "try (var noGrad = Torch.noGrad()) { w = w.sub(w.grad().data().mul(0.001)); }");
        CELLS.put(23, "w");
    }

    /** The reference cell whose output is a Generator's address, so it is run but not compared. */
    private static final int GENERATOR_REPR_CELL = 15;

    private static JShell shell;

    @BeforeAll
    static void openSession() throws Exception {
        // "local": the cells run in this JVM, so their System.out can be captured here.
        shell = JShell.builder().executionEngine("local").build();
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        shell.addToClasspath(classes.toString());
        for (String setup : new String[] {"import dev.jautograd.*;", "import static dev.jautograd.Options.*;"}) {
            run(setup);
        }
    }

    @AfterAll
    static void closeSession() {
        shell.close();
    }

    /** The cells in notebook order: the invocations of a parameterized test run in this order. */
    static Stream<Arguments> cells() {
        return CELLS.entrySet().stream().map(cell -> Arguments.of(cell.getKey(), cell.getValue()));
    }

    @ParameterizedTest(name = "cell {0}: {1}")
    @MethodSource("cells")
    void javaCellShowsWhatThePyTorchCellShowed(int index, String source) throws Exception {
        String shown = run(source);
        if (index == GENERATOR_REPR_CELL) return;
        assertEquals(outputText(referenceCells().get(index).getAsJsonObject()), shown);
    }

    /** Runs one cell's snippets; returns the last expression's value or, failing that, what was printed. */
    private static String run(String source) {
        var printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        String value = null;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String remaining = source;
            while (!remaining.isBlank()) {
                var completion = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                value = evaluate(completion.source());
                remaining = completion.remaining();
            }
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8).replaceAll("(?m)^null$", "None");
        return value != null ? value : out;
    }

    private static String evaluate(String snippet) {
        String value = null;
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.exception() != null) fail(snippet + " threw " + event.exception());
            if (event.status() == Snippet.Status.REJECTED) {
                fail(snippet + " rejected: " + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            }
            if (event.causeSnippet() == null && isExpression(event.snippet())) value = event.value();
        }
        return value;
    }

    /** A bare expression (a notebook shows its value); declarations and statements show nothing. */
    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static JsonArray referenceCells() throws Exception {
        var resource = SeedNotebookTest.class.getResourceAsStream("/reference/autograd-pytorch.ipynb");
        assertNotNull(resource, "reference notebook missing");
        try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("cells");
        }
    }

    /** What Jupyter shows for a cell: its execute_result's text/plain, or its stream text; "" for none. */
    private static String outputText(JsonObject cell) {
        var text = new StringBuilder();
        for (var element : cell.getAsJsonArray("outputs")) {
            var output = element.getAsJsonObject();
            var lines = output.has("text") ? output.getAsJsonArray("text")
                    : output.getAsJsonObject("data").getAsJsonArray("text/plain");
            lines.forEach(line -> text.append(line.getAsString()));
        }
        return text.toString();
    }
}
