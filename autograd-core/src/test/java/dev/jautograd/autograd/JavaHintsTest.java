package dev.jautograd.autograd;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import org.junit.jupiter.api.Test;

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
                + "retainGraph = true in Engine.grad(roots, grads, inputs, retainGraph, createGraph, allowUnused).",
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
                + "allowUnused = true, the last argument of Engine.grad(roots, grads, inputs, retainGraph, createGraph,"
                + " allowUnused)."), error.getMessage());
        assertEquals("One of the differentiated Tensors appears to not have been used in the graph. Set "
                + "allow_unused=True if this is the desired behavior.", JavaHints.pytorchPart(error.getMessage()));
    }

    /** PyTorch 1.13's text, as goldens/autograd.json holds it. */
    private static final class SavedTensorMessages {
        static final String PYTORCH_FREED = "Trying to backward through the graph a second time (or directly access "
                + "saved tensors after they have already been freed). Saved intermediate values of the graph are freed "
                + "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
                + "through the graph a second time or if you need to access saved tensors after calling backward.";
    }
}
