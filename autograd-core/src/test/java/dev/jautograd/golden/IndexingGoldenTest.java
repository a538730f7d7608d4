package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of goldens/indexing.json (tools/goldens/gen_indexing.py, real PyTorch 1.13): the
 * output's values, repr and grad_fn, each input's gradient after backward with the recorded
 * gradient, or the error message; and a float64 gradient check of every differentiable case.
 */
class IndexingGoldenTest {
    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("indexing.json");
    }

    static Stream<Named<JsonObject>> differentiable() {
        return cases().filter(c -> c.getPayload().has("grads") && !c.getPayload().get("op").getAsString()
                .startsWith("setitem_mask") && noKinks(c.getPayload()));
    }

    /**
     * Second order for one case of each kind of new op: the backward of every view, gather,
     * join and in-place write is itself an op, so gradients of gradients must hold too.
     */
    static Stream<Named<JsonObject>> secondOrder() {
        var seen = new java.util.HashSet<String>();
        return differentiable().filter(c -> {
            var g = c.getPayload();
            String key = g.get("op").getAsString() + g.getAsJsonArray("inputs").size()
                    + (g.getAsJsonObject("args").has("method") ? g.getAsJsonObject("args").get("method") : "");
            return seen.add(key) || g.get("name").getAsString().contains("2x3x4");
        });
    }

    /**
     * Not at ties, zeros or infinities on purpose (the fixed-value inputs), nor where a clamp or a
     * mask taken from the input itself makes the function a step.
     */
    private static boolean noKinks(JsonObject golden) {
        String name = golden.get("name").getAsString();
        return !name.contains("[f32[") && !name.contains("[[") && !name.contains("clamp_")
                && !name.startsWith("setitem_tensor_row"); // PyTorch's zeros there is float32
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesPyTorch(JsonObject golden) {
        List<Tensor> inputs = inputs(golden, false);
        if (golden.has("error")) {
            var error = assertThrows(RuntimeException.class, () -> IndexingTable.run(golden, inputs));
            assertEquals(golden.get("error").getAsString(), error.getMessage());
            return;
        }
        Tensor out = IndexingTable.run(golden, inputs);
        Goldens.assertTensor(golden.get("out"), out, "output");
        assertEquals(golden.get("repr").getAsString(), out.toString(), "repr");
        String gradFn = golden.get("grad_fn").isJsonNull() ? null : golden.get("grad_fn").getAsString();
        assertEquals(gradFn, out.gradFn() == null ? null : out.gradFn().name(), "grad_fn");
        if (!golden.has("grads")) return;
        out.backward(Goldens.tensor(golden.getAsJsonObject("grad_out")));
        var grads = golden.getAsJsonArray("grads");
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).requiresGrad()) Goldens.assertTensor(grads.get(i), inputs.get(i).grad(), "grad " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("differentiable")
    void gradcheck(JsonObject golden) {
        GradCheck.gradcheck(xs -> IndexingTable.run(golden, xs), inputs(golden, true));
    }

    @ParameterizedTest
    @MethodSource("secondOrder")
    void gradgradcheck(JsonObject golden) {
        GradCheck.gradgradcheck(xs -> IndexingTable.run(golden, xs), inputs(golden, true));
    }

    private static List<Tensor> inputs(JsonObject golden, boolean float64) {
        return golden.getAsJsonArray("inputs").asList().stream().map(JsonObject.class::cast).map(input -> {
            DType dtype = Goldens.dtype(input.get("dtype").getAsString());
            return Goldens.tensor(input, float64 && dtype.isFloatingPoint() ? DType.FLOAT64 : dtype);
        }).toList();
    }
}
