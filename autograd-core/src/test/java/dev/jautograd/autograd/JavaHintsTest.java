package dev.jautograd.autograd;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PyTorch's advice names a Python keyword; the message adds the Java form after PyTorch's words. */
class JavaHintsTest {
    @Test
    void secondBackwardSaysHowToRetainTheGraphInJava() {
        var x = Torch.tensor(new double[] {0.5, 1.5}, requiresGrad());
        var y = x.mul(x).sum();
        y.backward();
        var error = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(error.getMessage().startsWith(SavedTensorMessages.PYTORCH_FREED), error.getMessage());
        assertEquals(SavedTensorMessages.PYTORCH_FREED + "\nIn Java: y.backward(gradient, true) (retainGraph), or "
                + "retainGraph = true in Autograd.grad(outputs, inputs, gradOutputs, retainGraph, createGraph, allowUnused).",
                error.getMessage());
    }

    @Test
    void unusedInputSaysHowToAllowItInJava() {
        var x = Torch.tensor(new double[] {1, 2}, requiresGrad());
        var unused = Torch.tensor(new double[] {3}, requiresGrad());
        Tensor y = x.mul(x).sum();
        var error = assertThrows(IllegalArgumentException.class,
                () -> Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x, unused}, false, false, false));
        assertTrue(error.getMessage().endsWith("Set allow_unused=True if this is the desired behavior.\nIn Java: "
                + "allowUnused = true, the last argument of Autograd.grad(outputs, inputs, gradOutputs, retainGraph, "
                + "createGraph, allowUnused)."), error.getMessage());
        assertEquals("One of the differentiated Tensors appears to not have been used in the graph. Set "
                + "allow_unused=True if this is the desired behavior.", JavaHints.pytorchPart(error.getMessage()));
    }

    /** A PyTorch message (1.13's words), and the Java hint a front end shows under it; null for none. */
    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("can't retain_grad on Tensor that has requires_grad=False",
                        "x.requiresGrad() is false; x.requiresGrad_() makes a leaf require grad. x.retainGrad()."),
                Arguments.of("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.",
                        "Torch.tensor(data, requiresGrad()) when creating a tensor, or x.requiresGrad_() on a leaf."),
                Arguments.of("you can only change requires_grad flags of leaf variables. If you want to use a computed "
                        + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
                        "x.requiresGrad_(flag)."),
                Arguments.of("gradcheck expects at least one input tensor to require gradient, but none of the them "
                        + "have requires_grad=True.",
                        "Torch.tensor(data, requiresGrad()) when creating a tensor, or x.requiresGrad_() on a leaf."),
                Arguments.of("Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
                        + "with torch.autograd.set_detect_anomaly(True).",
                        "try (var scope = AnomalyMode.enable()) { ... }."),
                Arguments.of("Specify create_graph=True", "y.backward(gradient, true, true) (retainGraph, createGraph), or "
                        + "createGraph = true in Autograd.grad(outputs, inputs, gradOutputs, retainGraph, createGraph, "
                        + "allowUnused)."),
                Arguments.of(SavedTensor.FREED_MESSAGE, null), // carries its hint already
                Arguments.of("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                        null));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aMessageNamingAPythonKeywordGetsItsJavaForm(String message, String hint) {
        assertEquals(hint, JavaHints.forMessage(message));
    }

    /** PyTorch 1.13's text, as goldens/autograd.json holds it. */
    private static final class SavedTensorMessages {
        static final String PYTORCH_FREED = "Trying to backward through the graph a second time (or directly access "
                + "saved tensors after they have already been freed). Saved intermediate values of the graph are freed "
                + "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
                + "through the graph a second time or if you need to access saved tensors after calling backward.";
    }
}
