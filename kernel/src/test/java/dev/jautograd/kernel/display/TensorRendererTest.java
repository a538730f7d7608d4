package dev.jautograd.kernel.display;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TensorRendererTest {
    private static final String PRE = "<div class=\"jautograd-tensor\"><pre style=\"font-family: monospace; margin: 0;\">";
    private static final String FACTS = "</pre><div style=\"font-family: monospace; font-size: 85%; opacity: 0.75;\">";

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
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf</div></div>"),
                Arguments.of("result", (Supplier<Tensor>) () -> Torch.tensor(new double[] {5.}, requiresGrad()).pow(3),
                        PRE + "tensor([125.], grad_fn=&lt;PowBackward0&gt;)" + FACTS
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 grad_fn=&lt;PowBackward0&gt;</div></div>"),
                Arguments.of("leaf with grad", (Supplier<Tensor>) TensorRendererTest::leafWithGrad,
                        PRE + "tensor([5.], requires_grad=True)" + FACTS
                                + "torch.Size([1]) \u00b7 torch.float32 \u00b7 requires_grad=True \u00b7 leaf</div>"
                                + "<div style=\"font-family: monospace; font-size: 85%; opacity: 0.75;\">grad:</div>"
                                + "<pre style=\"font-family: monospace; font-size: 85%; margin: 0;\">tensor([75.])</pre></div>"),
                Arguments.of("matrix", (Supplier<Tensor>) () -> Torch.zeros(2, 3),
                        PRE + "tensor([[0., 0., 0.],\n        [0., 0., 0.]])" + FACTS
                                + "torch.Size([2, 3]) \u00b7 torch.float32 \u00b7 requires_grad=False \u00b7 leaf</div></div>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void rendersReprAndFacts(String name, Supplier<Tensor> make, String html) {
        var tensor = make.get();
        var bundle = new TensorRenderer().render(tensor, "ignored");
        assertEquals(tensor.toString(), bundle.data().get("text/plain"));
        assertEquals(html, bundle.data().get("text/html"));
    }

    @Test
    void plainTextComesFirst() {
        var bundle = new TensorRenderer().render(Torch.ones(1), "x");
        assertEquals("text/plain", bundle.data().keySet().iterator().next());
    }
}
