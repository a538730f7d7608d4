package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backward explainer on the seed notebook's y = a³ − b²: order, formulas, values, pictures. */
class ExplainBackwardTest {
    private final Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
    private final Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
    private final Tensor y = a.pow(3).sub(b.pow(2));
    private final NameResolver names = NameResolver.of(Map.of("a", a, "b", b, "y", y));

    @Test
    void stepsFollowTheEnginesOrderWithEachFormulaAndValue() {
        var steps = Explain.backward(y, Torch.ones(1)).steps();
        // The most recently created node runs first: b.pow(2) was made after a.pow(3).
        var rows = steps.stream().map(s -> s.number() + " " + s.function().name() + " in " + BackwardExplanation.values(s.grad())
                + s.flows().stream().map(f -> " | " + f.role() + ": " + f.formula() + " = "
                        + BackwardExplanation.values(f.grad())).reduce("", String::concat)).toList();
        assertEquals(List.of(
                "1 SubBackward0 in [1.] | self: grad = [1.] | other: -grad = [-1.]",
                "2 PowBackward0 in [-1.] | self: grad · 2·self = [-12.]",
                "3 AccumulateGrad in [-12.]",
                "4 PowBackward0 in [1.] | self: grad · 3·self² = [75.]",
                "5 AccumulateGrad in [75.]"), rows);
    }

    @Test
    void explainingChangesNoGradAndKeepsTheGraphForBackward() {
        Explain.backward(y, Torch.ones(1));
        assertNull(a.grad());
        y.backward(Torch.ones(1));
        assertEquals("tensor([75.])", a.grad().toString()); // not 150: the explainer added nothing
        assertEquals("tensor([-12.])", b.grad().toString());
    }

    @Test
    void textNamesTheLeavesAndChecksItselfAgainstGrad() {
        y.backward(Torch.ones(1), true);
        String text = Explain.backward(y, Torch.ones(1)).toText();
        // Names come from the notebook in a kernel; here from module paths only, so leaves show their shape.
        assertTrue(text.startsWith("backward of (1): 5 steps, in the order the engine ran them\n"), text);
        assertTrue(text.contains("  4. PowBackward0  grad in: [1.]\n"
                + "       → self (to leaf (1)): grad · 3·self² = [75.]\n"
                + "  5. AccumulateGrad (leaf (1))  grad in: [75.]\n"
                + "       leaf.grad = [75.] ✓"), text);
    }

    @Test
    void eachStepDrawsTheBoxesRunSoFarAndMarksTheLast() throws Exception {
        var explanation = Explain.backward(y, Torch.ones(1));
        assertEquals(5, explanation.size());
        var before = new SvgCheck(explanation.step(0).withNames(names).toSvg()).boxes();
        assertTrue(before.stream().noneMatch(box -> String.join(" ", box.lines()).contains("step")));
        var boxes = new SvgCheck(explanation.step(4).withNames(names).toSvg()).boxes();
        var pow = boxes.stream().map(box -> box.lines()).filter(lines -> lines.contains("▶ step 4 · grad in: [1.]")).toList();
        assertEquals(List.of(List.of("PowBackward0", "▶ step 4 · grad in: [1.]", "→ self: grad · 3·self² = [75.]")), pow);
        assertTrue(boxes.stream().anyMatch(box -> box.lines().equals(List.of("SubBackward0", "step 1 · grad in: [1.]",
                "→ self: grad = [1.]", "→ other: -grad = [-1.]"))));
        assertTrue(boxes.stream().noneMatch(box -> String.join(" ", box.lines()).contains("step 5")));
        assertEquals(List.of("a", "(1)"), boxes.stream().map(box -> box.lines())
                .filter(lines -> lines.get(0).equals("a")).findFirst().orElseThrow());
    }

    @Test
    void aNodeWithoutADeclaredFormulaShowsOnlyTheValue() {
        var explanation = Explain.backward(a.prod()); // ProdBackward0 declares no formula
        var prod = explanation.steps().get(0);
        assertEquals("ProdBackward0", prod.function().name());
        assertNull(prod.flows().get(0).formula());
        assertTrue(explanation.toText().contains("ProdBackward0  grad in: 1.\n       → self (to leaf (1)): [1.]\n"),
                explanation.toText());
    }

    @Test
    void aFreedGraphIsRefusedWithWhatToDoInstead() {
        y.backward(Torch.ones(1));
        var error = assertThrows(IllegalStateException.class, () -> Explain.backward(y, Torch.ones(1)));
        assertTrue(error.getMessage().contains("explain it before backward()"), error.getMessage());
        var leaf = assertThrows(IllegalArgumentException.class, () -> Explain.backward(a));
        assertTrue(leaf.getMessage().contains("leaf"), leaf.getMessage());
    }

    @Test
    void theNotebookShowsThePictureWithTheStepsAsText() {
        var explanation = Explain.backward(y, Torch.ones(1));
        var bundle = explanation.mimeBundle();
        assertEquals(explanation.toText(), bundle.get("text/plain"));
        assertTrue(bundle.get("image/svg+xml").contains("grad · 3·self²"));
        assertTrue(bundle.containsKey("text/html"));
    }
}
