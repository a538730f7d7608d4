package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Edge;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Reading the PyTorch goldens (tools/goldens/*.py) and comparing tensors with them. */
public final class Goldens {
    private Goldens() {}

    /** The "cases" of goldens/{file}, each named by its "name" for readable test rows. */
    public static Stream<Named<JsonObject>> cases(String file) {
        var resource = Goldens.class.getResourceAsStream("/goldens/" + file);
        if (resource == null) throw new IllegalStateException("missing golden file " + file);
        try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            var root = JsonParser.parseReader(reader).getAsJsonObject();
            List<Named<JsonObject>> out = new ArrayList<>();
            for (var element : root.getAsJsonArray("cases")) {
                var golden = element.getAsJsonObject();
                out.add(Named.of(golden.get("name").getAsString(), golden));
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException("unknown dtype " + name);
        };
    }

    public static String dtypeName(DType dtype) {
        return dtype.toString().substring("torch.".length());
    }

    /** A fresh contiguous leaf with the golden's exact values (and requires_grad, if recorded). */
    public static Tensor tensor(JsonObject encoded) {
        return tensor(encoded, dtype(encoded.get("dtype").getAsString()));
    }

    /** The golden's values in another dtype (the gradient check runs float32 cases in float64). */
    public static Tensor tensor(JsonObject encoded, DType dtype) {
        double[] values = doubles(encoded.getAsJsonArray("values"));
        Storage storage = Storage.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) storage.set(i, values[i]);
        Tensor t = TensorInternals.wrap(storage, ints(encoded.getAsJsonArray("shape")));
        var requiresGrad = encoded.get("requires_grad");
        return requiresGrad != null && requiresGrad.getAsBoolean() ? t.requiresGrad_() : t;
    }

    /** Shape and dtype exactly, values within a tolerance that fits the dtype. */
    public static void assertTensor(JsonElement expected, Tensor actual, String what) {
        if (expected == null || expected.isJsonNull()) {
            if (actual != null) fail(what + ": expected None but was " + actual);
            return;
        }
        if (actual == null) fail(what + ": expected a tensor but was null");
        var golden = expected.getAsJsonObject();
        assertArrayEquals(ints(golden.getAsJsonArray("shape")), actual.shape(), what + ": shape");
        assertEquals(golden.get("dtype").getAsString(), dtypeName(actual.dtype()), what + ": dtype");
        assertClose(doubles(golden.getAsJsonArray("values")), actual.toDoubleArray(), actual.dtype(), what);
    }

    /** float32: rtol 1e-5, atol 1e-6 (a few float32 roundings apart); float64: rtol 1e-12, atol 1e-14. */
    public static void assertClose(double[] expected, double[] actual, DType dtype, String what) {
        assertEquals(expected.length, actual.length, what + ": element count");
        double rtol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12, atol = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
        for (int i = 0; i < expected.length; i++) {
            boolean close = Math.abs(expected[i] - actual[i]) <= atol + rtol * Math.abs(expected[i])
                    || Double.compare(expected[i], actual[i]) == 0;
            if (!close) {
                fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /** The backward graph as nested text, written as gen_ops.py's graph_text writes it. */
    public static String graphText(Node node) {
        if (node == null) return "None";
        List<Edge> edges = node.nextFunctions();
        if (edges.isEmpty()) return node.name();
        return node.name() + edges.stream().map(e -> graphText(e.function()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    public static List<String> nextNames(Node node) {
        return node.nextFunctions().stream().map(e -> e.function() == null ? null : e.function().name()).toList();
    }

    public static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).getAsDouble();
        return out;
    }

    public static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).getAsInt();
        return out;
    }
}
