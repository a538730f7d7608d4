package dev.jautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.golden.Goldens;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss x reduction x dtype of gen_nn.py: value, repr, grad_fn, both gradients; and the error messages. */
class LossGoldenTest {
    interface LossFn {
        Tensor apply(Tensor input, Tensor target, String reduction);
    }

    static final Map<String, LossFn> LOSSES = Map.of(
            "mse_loss", Functional::mseLoss,
            "l1_loss", Functional::l1Loss,
            "cross_entropy", Functional::crossEntropy,
            "nll_loss", Functional::nllLoss,
            "binary_cross_entropy", Functional::binaryCrossEntropy,
            "bce_with_logits", Functional::binaryCrossEntropyWithLogits);

    static Stream<Named<JsonObject>> losses() {
        return NnGoldens.section("losses");
    }

    static Tensor run(JsonObject golden, List<Tensor> inputs) {
        return LOSSES.get(golden.get("op").getAsString()).apply(inputs.get(0), inputs.get(1),
                golden.get("reduction").getAsString());
    }

    static List<Tensor> inputs(JsonObject golden, boolean float64) {
        return golden.getAsJsonArray("inputs").asList().stream().map(JsonObject.class::cast).map(i -> {
            DType dtype = Goldens.dtype(i.get("dtype").getAsString());
            return Goldens.tensor(i, float64 && dtype.isFloatingPoint() ? DType.FLOAT64 : dtype);
        }).toList();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void valueGradFnAndGradients(JsonObject golden) {
        List<Tensor> xs = inputs(golden, false);
        Tensor out = run(golden, xs);
        Goldens.assertTensor(golden.get("out"), out, "loss");
        assertEquals(golden.get("grad_fn").getAsString(), out.gradFn().name());
        out.backward(Goldens.tensor(golden.getAsJsonObject("grad_output")));
        var grads = golden.getAsJsonArray("grads");
        for (int i = 0; i < 2; i++) Goldens.assertTensor(grads.get(i), xs.get(i).grad(), "grad of input " + i);
    }

    /**
     * float64 losses and unreduced float32 ones print PyTorch's digits now; a reduced float32 loss
     * waits for PyTorch's float32 summation order in mean/sum (the fidelity work), its value is
     * checked within float32 tolerance above.
     */
    static Stream<Named<JsonObject>> printable() {
        return losses().filter(c -> !c.getPayload().get("name").getAsString().contains("float32")
                || c.getPayload().get("reduction").getAsString().equals("none"));
    }

    @ParameterizedTest
    @MethodSource("printable")
    void printsAsPyTorch(JsonObject golden) {
        assertEquals(golden.get("repr").getAsString(), run(golden, inputs(golden, false)).toString());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradcheckInFloat64(JsonObject golden) {
        dev.jautograd.golden.GradCheckAccess.gradcheck(xs -> run(golden, xs), inputs(golden, true));
    }

    /** Second order for the small float64 cases (the first derivative of each loss is itself differentiable). */
    static Stream<Named<JsonObject>> secondOrder() {
        return losses().filter(c -> c.getPayload().get("name").getAsString().contains("float64_4_"));
    }

    @ParameterizedTest
    @MethodSource("secondOrder")
    void gradgradcheckInFloat64(JsonObject golden) {
        dev.jautograd.golden.GradCheckAccess.gradgradcheck(xs -> run(golden, xs), inputs(golden, true));
    }

    static Stream<Named<JsonObject>> errors() {
        return NnGoldens.section("loss_errors");
    }

    static final Map<String, Runnable> BAD_CALLS = Map.ofEntries(
            Map.entry("mse_bad_reduction", () -> Functional.mseLoss(f(), f(), "avg")),
            Map.entry("cross_entropy_bad_reduction", () -> Functional.crossEntropy(f(), longs(0, 1, 2), "total")),
            Map.entry("cross_entropy_batch_mismatch", () -> Functional.crossEntropy(f(), longs(0, 1))),
            Map.entry("cross_entropy_target_out_of_bounds", () -> Functional.crossEntropy(f(), longs(0, 1, 4))),
            Map.entry("cross_entropy_negative_target", () -> Functional.crossEntropy(f(), longs(0, -1, 2))),
            Map.entry("cross_entropy_float_target_1d", () -> Functional.nllLoss(f(), Torch.tensor(new double[] {0, 1, 2}))),
            Map.entry("nll_loss_2d_target", () -> Functional.nllLoss(f(), Torch.zeros(new int[] {3, 2},
                    dev.jautograd.Options.dtype(DType.INT64)))),
            Map.entry("nll_loss_0d_input", () -> Functional.nllLoss(Torch.tensor(1.), Torch.tensor(new long[] {0}).view())),
            Map.entry("bce_input_out_of_range", () -> Functional.binaryCrossEntropy(
                    Torch.tensor(new double[] {1.5}), Torch.tensor(new double[] {1}))),
            Map.entry("bce_shape_mismatch", () -> Functional.binaryCrossEntropy(Torch.rand(3, 1), Torch.rand(3))),
            Map.entry("bce_with_logits_shape_mismatch",
                    () -> Functional.binaryCrossEntropyWithLogits(Torch.rand(3, 1), Torch.rand(3))),
            Map.entry("dropout_bad_p", () -> Functional.dropout(f(), 1.5)),
            Map.entry("embedding_out_of_range", () -> Functional.embedding(longs(0, 5), Torch.randn(5, 2))),
            Map.entry("embedding_float_indices", () -> Functional.embedding(Torch.tensor(new double[] {0, 1}),
                    Torch.randn(5, 2))));

    private static Tensor f() {
        return Torch.randn(3, 4);
    }

    private static Tensor longs(long... values) {
        return Torch.tensor(values);
    }

    @ParameterizedTest
    @MethodSource("errors")
    void failsWithPyTorchsMessage(JsonObject golden) {
        Runnable call = BAD_CALLS.get(golden.get("name").getAsString());
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        assertEquals(golden.get("message").getAsString(), e.getMessage());
        Class<?> expected = switch (golden.get("type").getAsString()) {
            case "IndexError" -> IndexOutOfBoundsException.class;
            case "ValueError" -> IllegalArgumentException.class;
            default -> RuntimeException.class;
        };
        assertEquals(true, expected.isInstance(e), "exception type " + e.getClass());
    }
}
