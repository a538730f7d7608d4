package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A null output says what is null: List.of(null) had thrown a NullPointerException with no message. */
class MakeDotArgumentsTest {
    private static final String NULL_OUTPUT = "makeDot: the tensor to draw is null (a variable not assigned yet, "
            + "e.g. a loss set only inside a loop that has not run?)";

    @Test
    void aNullOutputIsNamed() {
        Tensor loss = null;
        assertEquals(NULL_OUTPUT, assertThrows(NullPointerException.class, () -> Viz.makeDot(loss)).getMessage());
        assertEquals(NULL_OUTPUT, assertThrows(NullPointerException.class,
                () -> Viz.makeDot(loss, VizOptions.defaults())).getMessage());
        assertEquals(NULL_OUTPUT, assertThrows(NullPointerException.class, () -> Viz.makeDot(loss, (java.util.Map<String, Tensor>) null)).getMessage());
        Tensor y = Torch.tensor(new double[] {1}).requiresGrad_().mul(2);
        assertEquals("makeDot: output 1 of 2 is null", assertThrows(NullPointerException.class,
                () -> Viz.makeDot(Arrays.asList(y, null), VizOptions.defaults())).getMessage());
    }
}
