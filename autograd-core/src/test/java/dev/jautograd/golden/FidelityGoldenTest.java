package dev.jautograd.golden;

import static dev.jautograd.Options.dtype;
import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.Engine;
import dev.jautograd.nn.Functional;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goldens/fidelity.json (tools/goldens/gen_fidelity.py): the issue-11 snippets that printed
 * differently from PyTorch 1.13. One row per golden name, written as a student would write it;
 * the result must print as PyTorch's does, or fail with PyTorch's message.
 */
class FidelityGoldenTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Map<String, Supplier<Object>> ROWS = Map.ofEntries(
            row("relu_sqrt_grad", () -> gradOf(x -> x.relu().sqrt(), -1, 0, 4)),
            row("clamp_sqrt_grad", () -> gradOf(x -> x.clamp(0., null).sqrt(), -1, 0, 4)),
            row("clamp_min_sqrt_grad", () -> gradOf(x -> x.clampMin(0).sqrt(), -1, 0, 4)),
            row("clamp_max_grad_neg", () -> gradOf(x -> x.clamp(null, 1.).neg(), -1, 0, 4)),
            row("clamp_both_grad_neg", () -> gradOf(x -> x.clamp(-1, 1).neg(), -3, 0.5, 4)),
            row("relu_grad_neg", () -> gradOf(x -> x.relu().neg(), -1, 0, 4)),
            row("relu_grad_inf", () -> gradOf(x -> x.relu().mul(INF), -1, 2)),
            row("abs_grad_at_zero_neg", () -> gradOf(x -> x.abs().neg(), -2, 0, 3)),
            row("max_grad_ties", () -> gradOf(x -> x.max().neg(), 1, 3, 3, -2)),
            row("max_grad_nan", () -> gradOf(Tensor::max, 1, Double.NaN, 3)),
            row("max_grad_inf", () -> gradOf(x -> x.max().mul(INF), 1, 5, 3)),
            row("where_grad_neg", () -> gradOf(x -> Torch.where(x.gt(0), x, Torch.zeros(3)).neg(), 1, -1, 2)),
            row("fresh_versions", FidelityGoldenTest::freshVersions),
            row("version_after_inplace", FidelityGoldenTest::versionAfterInPlace),
            row("data_version_own_counter", () -> {
                Tensor x = Torch.zeros(3), d = x.data();
                d.mul_(0);
                d.add_(1);
                return tuple(x.version(), d.version());
            }),
            row("data_mul_then_backward", () -> sigmoidThenZero(true)),
            row("detach_shares_version", () -> sigmoidThenZero(false)),
            row("grad_create_graph_retains", () -> {
                Tensor x = Torch.tensor(new double[] {1, 2}, requiresGrad()), y = x.pow(3).sum();
                Tensor g = Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x}, true, false)[0];
                y.backward();
                return tuple(g, x.grad());
            }),
            row("pow_scalar_base_names", () -> {
                Tensor x = Torch.tensor(new double[] {1, 2}, requiresGrad());
                return tuple(Torch.pow(0., x), Torch.pow(2., x), x.pow(2.), x.pow(Torch.tensor(new double[] {2, 3})));
            }),
            row("pow_scalar_base_grad", () -> gradOf(x -> Torch.pow(2., x), 0, 1, 2)),
            row("pow_zero_base_grad", () -> gradOf(x -> Torch.pow(0., x), 0, 1, 2)),
            row("set_grad_dtype", () -> setGrad(Torch.zeros(new int[] {2}, dtype(DType.FLOAT64)))),
            row("set_grad_size", () -> setGrad(Torch.zeros(3))),
            row("linear_float64_input", () -> Functional.linear(Torch.ones(new int[] {2, 3}, dtype(DType.FLOAT64)),
                    Torch.ones(4, 3), Torch.ones(4))),
            row("mm_mixed_dtype", () -> Torch.ones(2, 3).mm(Torch.ones(new int[] {3, 4}, dtype(DType.FLOAT64)))),
            row("options_chain", () -> tuple(Torch.tensor(new double[] {1}, dtype(DType.FLOAT64).requiresGrad()),
                    Torch.zeros(new int[] {2}, requiresGrad().dtype(DType.FLOAT64)))),
            row("tensor_int_literal", () -> tuple(Torch.tensor(5), Torch.tensor(5).dtype(), Torch.tensor(5.))),
            row("int64_beyond_2_53", () -> Torch.tensor(new long[] {9007199254740993L}).add(0)),
            row("int64_tensor_add_exact", () -> longs(9007199254740993L, 1L << 62).add(longs(0, 1))),
            row("int64_add_wraps", () -> longs(Long.MAX_VALUE).add(longs(1))),
            row("int64_mul_wraps", () -> longs(1L << 62, 3).mul(longs(4, 5))),
            row("int64_sub_wraps", () -> longs(Long.MIN_VALUE).sub(longs(1))),
            row("int64_sum_wraps", () -> longs(1L << 62, 1L << 62, 1L << 62).sum()),
            row("int64_sum_exact", () -> longs(9007199254740993L, 1, 2, 3).view(2, 2).sum(0)),
            row("arange_big_longs", () -> Torch.arange(9007199254740993L, 9007199254740993L + 3)),
            row("arange_big_step", () -> Torch.arange(0, 1L << 40, 1L << 38)),
            row("zeros_negative", () -> Torch.zeros(-1, 2)),
            row("zeros_two_negative", () -> Torch.zeros(-2, -3)),
            row("ones_negative", () -> Torch.ones(-1)),
            row("randn_negative", () -> Torch.randn(-1)),
            row("eye_negative", () -> Torch.eye(-1)),
            row("eye_negative_m", () -> Torch.eye(2, -1)),
            row("zeros_overflow", () -> Torch.zeros(65536, 65536, 65536, 65536)),
            row("expand_negative", () -> Torch.zeros(1, 3).expand(-2, 3)),
            row("arange_nan", () -> Torch.arange(0., Double.NaN, 1.)),
            row("arange_inf", () -> Torch.arange(0., INF, 1.)),
            row("arange_nan_end_only", () -> Torch.arange(Double.NaN)),
            row("arange_nan_step", () -> Torch.arange(0., 1., Double.NaN)),
            row("arange_overflow", () -> Torch.arange(0, 1L << 62)),
            row("softmax_empty", () -> tuple(Torch.zeros(0).softmax(0), Torch.zeros(2, 0).softmax(1),
                    Torch.zeros(0, 3).logSoftmax(1))),
            row("softmax_int64", () -> longs(1, 2).softmax(0)),
            row("log_softmax_int64", () -> longs(1, 2).logSoftmax(0)),
            row("softmax_int64_not_last", () -> longs(1, 2).view(1, 2).softmax(0)),
            row("argmax_empty", () -> Torch.zeros(0).argmax()),
            row("argmax_empty_dim", () -> Torch.zeros(2, 0).argmax(1)),
            row("argmax_empty_other_dim", () -> Torch.zeros(2, 0).argmax(0)),
            row("precision_resets_sci_mode", () -> {
                Torch.setPrintOptions(Torch.sciMode(true));
                Torch.setPrintOptions(Torch.precision(2));
                return Torch.tensor(new double[] {1.5, 20.25}).toString();
            }),
            row("keyword_print_options", () -> {
                Torch.setPrintOptions(Torch.precision(2).sciMode(true));
                return Torch.tensor(new double[] {1.5, 20.25}).toString();
            }),
            row("randn5_sum_item", () -> seeded(() -> Torch.randn(5).sum().item())),
            row("randn1000_sum_item", () -> seeded(() -> Torch.randn(1000).sum().item())),
            row("randn_mean_item", () -> seeded(() -> Torch.randn(100, 37).mean().item())),
            row("randn_rows_sum", () -> seeded(() -> Torch.randn(100, 37).sum(1))),
            row("mse_loss_item", () -> seeded(() -> Functional.mseLoss(Torch.randn(64, 3), Torch.randn(64, 3)).item())));

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("fidelity.json");
    }

    @AfterEach
    void defaultPrintOptions() {
        Torch.setPrintOptions(Torch.profile("default"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsAsPyTorch(JsonObject golden) {
        var java = ROWS.get(golden.get("name").getAsString());
        assertNotNull(java, "no Java row for " + golden.get("name"));
        if (golden.has("error")) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, java::get);
            assertEquals(golden.get("error").getAsString(), e.getMessage());
        } else {
            assertEquals(golden.get("text").getAsString(), text(java.get()));
        }
    }

    private static Map.Entry<String, Supplier<Object>> row(String name, Supplier<Object> body) {
        return Map.entry(name, body);
    }

    private static Tensor gradOf(java.util.function.UnaryOperator<Tensor> f, double... values) {
        Tensor x = Torch.tensor(values, requiresGrad());
        f.apply(x).sum().backward();
        return x.grad();
    }

    private static Tensor longs(long... values) {
        return Torch.tensor(values);
    }

    private static Object seeded(Supplier<Object> body) {
        Torch.manualSeed(0);
        return body.get();
    }

    private static Object[] tuple(Object... values) {
        return values;
    }

    private static Object freshVersions() {
        return tuple(Torch.tensor(new double[] {1}).version(), Torch.zeros(2).version(), Torch.ones(2).version(),
                Torch.randn(2).version(), Torch.full(new int[] {2}, 3.).version(), Torch.arange(3).version());
    }

    private static Object versionAfterInPlace() {
        Tensor x = Torch.zeros(2);
        x.add_(Torch.ones(2));
        x.mul_(Torch.full(new int[] {2}, 2.));
        Tensor v = x.view(2, 1);
        v.fill_(3);
        return tuple(x.version(), v.version(), x.detach().version(), x.data().version());
    }

    /** c = sigmoid(2a); zero c through .data (unnoticed) or detach() (a saved value modified). */
    private static Object sigmoidThenZero(boolean throughData) {
        Tensor a = Torch.tensor(new double[] {1, 2}, requiresGrad()), c = a.mul(2).sigmoid();
        (throughData ? c.data() : c.detach()).mul_(Torch.zeros(2));
        try {
            c.sum().backward();
        } catch (IllegalStateException e) {
            return "error";
        }
        return a.grad();
    }

    private static Object setGrad(Tensor grad) {
        Torch.zeros(2).setGrad(grad);
        return null;
    }

    private static String text(Object value) {
        if (value instanceof Object[] tuple) {
            return Arrays.stream(tuple).map(FidelityGoldenTest::text).collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
