package dev.jautograd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.GradMode;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The autograd state lives in a holder made on first need (PyTorch's AutogradMeta) and the
 * version counter is made when first shared or bumped: a tensor made without grad allocates
 * neither, and the version semantics stay PyTorch's (fresh 0; views and detach() share the
 * counter, also when made before any write; .data() has its own). The layout is private, so
 * this test reads the two fields reflectively.
 */
class AutogradMetaTest {
    private static Object field(Tensor t, String name) throws ReflectiveOperationException {
        Field f = Tensor.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(t);
    }

    @Test
    void plainResultsAllocateNoAutogradStateNorCounter() throws ReflectiveOperationException {
        Tensor a = Torch.ones(3), b = a.add(a).mul(2).exp();
        for (Tensor t : new Tensor[] {a, b, b.sum()}) {
            assertNull(field(t, "meta"));
            assertNull(field(t, "version"));
            assertEquals(0, t.version());
            assertNull(t.grad());
            assertNull(t.gradFn());
            assertTrue(t.isLeaf());
        }
        Tensor w = Torch.ones(new int[] {2}, Options.requiresGrad());
        try (var off = GradMode.disabled()) {
            assertNull(field(w.mul(2), "meta"), "a result made under no_grad has no history");
        }
        assertNotNull(field(w, "meta"));
        assertNotNull(field(w.mul(2), "meta"));
    }

    @Test
    void viewsMadeBeforeAWriteShareTheCounter() {
        Tensor x = Torch.zeros(4), v = x.view(2, 2), d = x.detach(), data = x.data();
        x.add_(1);
        assertEquals(1, x.version());
        assertEquals(1, v.version());
        assertEquals(1, d.version());
        assertEquals(0, data.version());
        data.mul_(2);
        assertEquals(1, x.version());
        assertEquals(1, data.version());
        assertSame(x, v.view(4).base(), "a view of a view has the first base");
        assertEquals("tensor([[2., 2.],\n        [2., 2.]])", v.toString());
    }

    @Test
    void gradStateRoundTrips() {
        Tensor x = Torch.zeros(2);
        x.setGrad(null);
        x.requiresGrad_(false);
        x.detach_();
        assertEquals("tensor([0., 0.])", x.toString());
        x.requiresGrad_();
        x.setGrad(Torch.ones(2));
        assertEquals("tensor([1., 1.])", x.grad().toString());
        Tensor y = x.mul(2);
        y.retainGrad();
        y.sum().backward();
        assertEquals("tensor([1., 1.])", y.grad().toString());
        assertEquals("tensor([3., 3.])", x.grad().toString());
        assertThrows(IllegalStateException.class, () -> x.add_(1));
    }
}
