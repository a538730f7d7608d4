package dev.jautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.golden.GradCheckAccess;
import dev.jautograd.golden.Goldens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dropout's mask drawn as PyTorch's bernoulli_ (same numbers after the same seed), Embedding's rows and gradient. */
class DropoutEmbeddingGoldenTest {
    static Stream<Named<JsonObject>> dropout() {
        return NnGoldens.section("dropout");
    }

    @ParameterizedTest
    @MethodSource("dropout")
    void dropoutDrawsPyTorchsMaskAndLeavesTheGeneratorWhereItDoes(JsonObject golden) {
        Tensor x = Goldens.tensor(golden.getAsJsonObject("input"));
        Torch.manualSeed(7);
        boolean eval = golden.has("eval");
        if (eval) Torch.randn(4); // the generator drew this case's input after the seed
        Tensor out = eval ? new Dropout(0.5).eval().forward(x) : Functional.dropout(x, golden.get("p").getAsDouble());
        Goldens.assertTensor(golden.get("out"), out, "out");
        var gradFn = golden.get("grad_fn");
        if (gradFn.isJsonNull()) assertEquals(x, out, "the identity returns its input");
        else assertEquals(gradFn.getAsString(), out.gradFn().name());
        Tensor next = Torch.rand(new int[] {3}, dev.jautograd.Options.dtype(x.dtype()));
        Goldens.assertTensor(golden.get("next_rand"), next, "the next draw");
        if (out.requiresGrad() && !eval) {
            out.mul(Torch.arange(35).view(5, 7).to(x.dtype())).sum().backward();
            Goldens.assertTensor(golden.get("grad"), x.grad(), "grad");
        }
    }

    static Stream<Named<JsonObject>> embedding() {
        return NnGoldens.section("embedding");
    }

    @ParameterizedTest
    @MethodSource("embedding")
    void embeddingRowsAndGradient(JsonObject golden) {
        Torch.manualSeed(3);
        var padding = golden.get("padding_idx");
        var e = padding.isJsonNull() ? new Embedding(5, 3) : new Embedding(5, 3, padding.getAsInt());
        assertEquals(golden.get("repr").getAsString(), e.toString());
        Goldens.assertTensor(golden.get("weight"), e.weight(), "weight");
        Tensor out = e.forward(Goldens.tensor(golden.getAsJsonObject("indices")));
        Goldens.assertTensor(golden.get("out"), out, "out");
        assertEquals(golden.get("grad_fn").getAsString(), out.gradFn().name());
        out.backward(Goldens.tensor(golden.getAsJsonObject("grad_output")));
        Goldens.assertTensor(golden.get("grad"), e.weight().grad(), "grad");
    }

    @Test
    void embeddingGradcheckAndGradgradcheck() {
        Tensor idx = Torch.tensor(new long[] {1, 4, 1, 0});
        Tensor w = Torch.randn(new int[] {5, 2}, dev.jautograd.Options.dtype(DType.FLOAT64)).requiresGrad_();
        // Without padding: the padding row's zero gradient is by design, not the derivative.
        GradCheckAccess.gradcheck(xs -> Functional.embedding(idx, xs.get(0)).pow(2), List.of(w));
        GradCheckAccess.gradgradcheck(xs -> Functional.embedding(idx, xs.get(0)).pow(2), List.of(w));
    }

    @Test
    void dropoutOfOneZeroesAndEvalIsTheIdentity() {
        Tensor x = Torch.ones(3).requiresGrad_();
        assertEquals("tensor([0., 0., 0.], grad_fn=<MulBackward0>)", Functional.dropout(x, 1.0).toString());
        var d = new Dropout(0.3);
        d.eval();
        assertEquals(x, d.forward(x));
        assertNull(x.grad());
    }
}
