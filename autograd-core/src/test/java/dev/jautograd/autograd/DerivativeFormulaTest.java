package dev.jautograd.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.ops.Pointwise;
import dev.jautograd.ops.UnaryOp;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The derivative each node shows (issue 12's backward explainer), for the seed notebook's ops and the declared ones. */
class DerivativeFormulaTest {
    private static Tensor leaf(double... values) {
        return Torch.tensor(values, Options.requiresGrad());
    }

    private static String formula(Tensor out, int input) {
        return out.gradFn().derivativeFormula(input);
    }

    @Test
    void seedNotebook() {
        Tensor a = leaf(5), b = leaf(6);
        assertEquals("grad · 3·self²", formula(a.pow(3), 0));
        assertEquals("grad · 2·self", formula(b.pow(2), 0));
        Tensor y = a.pow(3).sub(b.pow(2));
        assertEquals("grad", formula(y, 0));
        assertEquals("-grad", formula(y, 1));
    }

    @Test
    void powerWithOtherExponents() {
        Tensor a = leaf(2);
        assertEquals("grad · 0.5·self^(-0.5)", formula(a.pow(0.5), 0));
        assertEquals("grad · -1·self⁻²", formula(a.pow(-1), 0));
        assertEquals("grad · 12·self¹¹", formula(a.pow(12), 0));
        assertEquals("grad", formula(a.pow(1), 0));
        assertEquals("0", formula(a.pow(0), 0));
        assertEquals("grad · result · ln(self)", formula(a.pow(a), 1));
    }

    @Test
    void arithmetic() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        assertEquals("grad · other", formula(a.mul(b), 0));
        assertEquals("grad · self", formula(a.mul(b), 1));
        assertEquals("grad / other", formula(a.div(b), 0));
        assertEquals("-grad · self / other²", formula(a.div(b), 1));
        assertEquals("grad", formula(a.add(b), 1));
        assertEquals("grad · 0.5", formula(a.add(b, 0.5), 1));
        assertEquals("-grad", formula(a.rsub(b), 0));
        assertEquals("grad", formula(a.rsub(b), 1));
    }

    @Test
    void reductionsAndMatrixProducts() {
        Tensor m = Torch.ones(new int[] {2, 3}, Options.requiresGrad());
        Tensor w = Torch.ones(new int[] {3, 4}, Options.requiresGrad());
        assertEquals("grad expanded to [2, 3]", formula(m.sum(), 0));
        assertEquals("grad / 6 expanded to [2, 3]", formula(m.mean(), 0));
        assertEquals("grad / 3 expanded to [2, 3]", formula(m.mean(1, false), 0));
        assertEquals("grad @ mat2ᵀ", formula(m.mm(w), 0));
        assertEquals("selfᵀ @ grad", formula(m.mm(w), 1));
        assertEquals("selfᵀ @ grad", formula(m.matmul(leaf(1, 2, 3)), 1));
        assertEquals("grad · self", formula(leaf(1, 2).dot(leaf(3, 4)), 1));
    }

    @Test
    void pointwiseDeclarations() {
        Tensor x = leaf(0.5);
        assertEquals("grad · (1 − result²)", formula(x.tanh(), 0));
        assertEquals("grad · result", formula(x.exp(), 0));
        assertEquals("grad · (1 − result) · result", formula(x.sigmoid(), 0));
        assertEquals("grad · (result > 0)", formula(x.relu(), 0));
        assertEquals("grad / self", formula(x.log(), 0));
        assertEquals("-grad", formula(x.neg(), 0));
    }

    @Test
    void everyDeclarationHasAFormulaAndItsNodeShowsIt() throws ReflectiveOperationException {
        for (var field : Pointwise.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != UnaryOp.class) continue;
            UnaryOp op = (UnaryOp) field.get(null);
            assertNotNull(op.formula(), field.getName());
            Tensor out = op.apply(leaf(0.25, 2));
            assertEquals(op.name(), out.gradFn().name(), field.getName());
            assertEquals(op.formula(), formula(out, 0), field.getName());
        }
    }

    @Test
    void viewsLossesAndMasks() {
        Tensor m = leaf(1, 2, 3, 4, 5, 6).view(2, 3);
        assertEquals("grad reshaped to [6]", formula(m, 0));
        assertEquals("gradᵀ", formula(m.t(), 0));
        assertEquals("grad.transpose(0, 1)", formula(m.transpose(0, 1), 0));
        assertEquals("result · (grad − sum(grad · result, dim=1))", formula(m.softmax(1), 0));
        assertEquals("grad · (-0.5 ≤ self ≤ 0.5)", formula(m.clamp(-0.5, 0.5), 0));
        assertEquals("grad · (0 ≤ self)", formula(m.clampMin(0), 0));
        Tensor loss = Functional.mseLoss(m, Torch.zeros(2, 3));
        assertEquals("grad · 2/6·(self − target)", formula(loss, 0));
        assertEquals("grad · 2/6·(target − self)", formula(loss, 1));
    }

    @Test
    void nodesWithoutADeclarationSayNull() {
        assertNull(formula(Torch.prod(leaf(1, 2)), 0));
    }
}
