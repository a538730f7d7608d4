package dev.jautograd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Autograd;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.AnomalyMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Anomaly mode names the failing node and prints where its forward call was made (user frames only). */
class AnomalyModeTest {
    private static Tensor forwardOfSqrt(Tensor a) {
        return a.sqrt().mul(0);
    }

    @Test
    void namesTheNodeAndPrintsTheForwardCall() {
        var err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (var scope = Autograd.detectAnomaly()) {
            var a = Torch.tensor(new double[] {0, 1}).requiresGrad_();
            var b = forwardOfSqrt(a);
            var e = assertThrows(IllegalStateException.class, () -> b.sum().backward());
            assertEquals("Function 'SqrtBackward0' returned nan values in its 0th output.", e.getMessage());
        } finally {
            System.setErr(previous);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("UserWarning: Anomaly Detection has been enabled."), text);
        assertTrue(text.contains("UserWarning: Error detected in SqrtBackward0. Traceback of forward call that caused "
                + "the error:\n  at dev.jautograd.api.AnomalyModeTest.forwardOfSqrt("), text);
        assertFalse(text.contains("dev.jautograd.ops."), text);
        assertFalse(AnomalyMode.isEnabled());
    }

    @Test
    void offByDefault() {
        var a = Torch.tensor(new double[] {0}).requiresGrad_();
        a.sqrt().mul(0).sum().backward(); // NaN gradient, no error without anomaly mode (as PyTorch)
        assertTrue(Double.isNaN(a.grad().item()));
    }
}
