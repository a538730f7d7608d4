package dev.jautograd.kernel.display;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TensorRendererTest {
    private static final String PRE = "<pre class=\"jautograd-tensor\">";
    private static final String FACTS = "\n<small>";

    private static Tensor leafWithGrad() {
        var a = Torch.tensor(new double[] {5.}, requiresGrad());
        a.pow(3).backward();
        return a;
    }

    /** name, tensor, the exact HTML (golden). text/plain is always the tensor's repr. */
    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("leaf", (Supplier<Tensor>) () -> Torch.tensor(new double[] {5.}, requiresGrad()),
                        PRE + "tensor([5.], requires_grad=True)" + FACTS
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf</small></pre>"),
                Arguments.of("result", (Supplier<Tensor>) () -> Torch.tensor(new double[] {5.}, requiresGrad()).pow(3),
                        PRE + "tensor([125.], grad_fn=&lt;PowBackward0&gt;)" + FACTS
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 grad_fn=&lt;PowBackward0&gt;</small></pre>"),
                Arguments.of("leaf with grad", (Supplier<Tensor>) TensorRendererTest::leafWithGrad,
                        PRE + "tensor([5.], requires_grad=True)" + FACTS
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf</small>"
                                + "\n<small>grad: tensor([75.])</small></pre>"),
                Arguments.of("matrix", (Supplier<Tensor>) () -> Torch.zeros(2, 3),
                        PRE + "tensor([[0., 0., 0.],\n        [0., 0., 0.]])" + FACTS
                                + "torch.Size([2, 3]) \u00b7 torch.float32 \u00b7 requires_grad=False \u00b7 leaf</small></pre>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void rendersReprAndFacts(String name, Supplier<Tensor> make, String html) {
        var tensor = make.get();
        var bundle = new TensorRenderer().render(tensor, "ignored");
        assertEquals(tensor.toString(), bundle.data().get("text/plain"));
        assertEquals(html, bundle.data().get("text/html"));
    }

    /** What an untrusted notebook's sanitiser removes: style attributes, whose loss changed the look. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void theHtmlHasNoStyleForASanitiserToStrip(String name, Supplier<Tensor> make, String html) {
        String rendered = new TensorRenderer().render(make.get(), "ignored").data().get("text/html");
        assertFalse(rendered.contains("style"), rendered);
        assertFalse(rendered.contains("<div"), rendered);
    }

    @Test
    void plainTextComesFirst() {
        var bundle = new TensorRenderer().render(Torch.ones(1), "x");
        assertEquals("text/plain", bundle.data().keySet().iterator().next());
    }
}
