package dev.jautograd.golden;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.jautograd.Autograd;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goldens/release.json (tools/goldens/gen_release.py): CopySlices frees the saved tensors of the
 * in-place op it runs after a backward without retain_graph, so a second backward fails as in
 * PyTorch, and with retain_graph the gradients accumulate.
 */
class ReleaseGoldenTest {
    private static final Map<String, Supplier<Object>> ROWS = Map.of(
            "copyslices_repr", () -> {
                Tensor y = writtenThroughView()[1];
                return new Object[] {y, y.gradFn().name()};
            },
            "copyslices_backward_twice", () -> {
                Tensor[] ay = writtenThroughView();
                ay[1].sum().backward();
                ay[1].sum().backward();
                return ay[0].grad();
            },
            "copyslices_retain_graph_twice", () -> {
                Tensor[] ay = writtenThroughView();
                ay[1].sum().backward(null, true);
                ay[1].sum().backward();
                return ay[0].grad();
            },
            "copyslices_slice_fill_twice", () -> {
                Tensor a = Torch.tensor(new double[] {1, 2, 3, 4}, requiresGrad()), y = a.mul(1.);
                y.slice(0, 1, 3).copy_(a.slice(0, null, 2).mul(a.slice(0, 2, null)));
                y.sum().backward();
                y.sum().backward();
                return a.grad();
            },
            "copyslices_grad_twice", () -> {
                Tensor[] ay = writtenThroughView();
                Autograd.grad(ay[1].sum(), ay[0]);
                return Autograd.grad(ay[1].sum(), ay[0]);
            });

    /** y = a.clone(); y[0] *= a[1]: only the in-place mul (inside CopySlices) saves tensors. */
    private static Tensor[] writtenThroughView() {
        Tensor a = Torch.tensor(new double[] {1, 2, 3}, requiresGrad()), y = a.clone();
        y.select(0, 0).mul_(a.select(0, 1));
        return new Tensor[] {a, y};
    }

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("release.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void behavesAsPyTorch(JsonObject golden) {
        var java = ROWS.get(golden.get("name").getAsString());
        assertNotNull(java, "no Java row for " + golden.get("name"));
        if (golden.has("error")) {
            String message = assertThrows(IllegalStateException.class, java::get).getMessage();
            assertEquals(golden.get("error").getAsString(), message.split("\n")[0]);
        } else {
            assertEquals(golden.get("text").getAsString(), text(java.get()));
        }
    }

    private static String text(Object value) {
        if (value instanceof Object[] tuple) {
            return Arrays.stream(tuple).map(ReleaseGoldenTest::text).collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
