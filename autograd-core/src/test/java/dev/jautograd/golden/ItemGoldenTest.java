package dev.jautograd.golden;

import static dev.jautograd.Options.dtype;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.print.PythonFloat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goldens/item.json (tools/goldens/gen_item.py): a one-element tensor's value printed as Python
 * prints {@code t.item()}, read with the accessor for its dtype (int64 {@code itemLong()} as
 * {@code 6}, float {@code item()} through Python's float repr as {@code 6.0}, bool
 * {@code itemBool()} as {@code True}), plus {@code bool(t)} and what {@code torch.tensor(5)}
 * makes.
 */
class ItemGoldenTest {
    private static final DType F64 = DType.FLOAT64;
    private static final Map<String, Supplier<Tensor>> ROWS = Map.ofEntries(
            Map.entry("int64_sum", () -> Torch.tensor(new long[] {1, 2, 3}).sum()),
            Map.entry("float32_sum", () -> Torch.tensor(new double[] {1, 2, 3}).sum()),
            Map.entry("float64_sum", () -> Torch.tensor(new double[] {1, 2, 3}, dtype(F64)).sum()),
            Map.entry("bool_gt", () -> Torch.tensor(3).gt(2)),
            Map.entry("bool_eq", () -> Torch.tensor(new long[] {2}).eq(2)),
            Map.entry("bool_false", () -> Torch.tensor(false)),
            Map.entry("int64_beyond_2_53", () -> Torch.tensor(9007199254740993L)),
            Map.entry("int64_negative", () -> Torch.tensor(new long[] {-7, 2}).sum()),
            Map.entry("int64_min", () -> Torch.tensor(Long.MIN_VALUE)),
            Map.entry("int64_count", () -> Torch.tensor(new double[] {1, 2, 3, 4}).gt(1.5).sum()),
            Map.entry("int64_argmax", () -> Torch.tensor(new double[] {0.5, 3, 1}).argmax()),
            Map.entry("float32_third", () -> Torch.tensor(1.).div(3)),
            Map.entry("float32_small", () -> Torch.tensor(1e-5)),
            Map.entry("float64_small", () -> Torch.tensor(1e-5, dtype(F64))),
            Map.entry("float64_ten_thousandth", () -> Torch.tensor(0.0001, dtype(F64))),
            Map.entry("float64_big", () -> Torch.tensor(1e16, dtype(F64))),
            Map.entry("float64_below_big", () -> Torch.tensor(9999999999999998., dtype(F64))),
            Map.entry("float64_large", () -> Torch.tensor(123456789012345678., dtype(F64))),
            Map.entry("float64_tiny", () -> Torch.tensor(Double.MIN_VALUE, dtype(F64))),
            Map.entry("float64_2e23", () -> Torch.tensor(2e23, dtype(F64))),
            Map.entry("float32_inf", () -> Torch.tensor(Double.POSITIVE_INFINITY)),
            Map.entry("float32_neg_inf", () -> Torch.tensor(Double.NEGATIVE_INFINITY)),
            Map.entry("float32_nan", () -> Torch.tensor(Double.NaN)),
            Map.entry("float32_neg_zero", () -> Torch.tensor(-0.)),
            Map.entry("float32_one_element_2d", () -> Torch.tensor(new double[][] {{2.5}})),
            Map.entry("float32_mean", () -> Torch.tensor(new double[] {1, 2}).mean()),
            Map.entry("float32_two_elements", () -> Torch.tensor(new double[] {1, 2})),
            Map.entry("float32_empty", () -> Torch.zeros(0)));

    private static final Map<String, Supplier<Tensor>> LITERALS = Map.of(
            "tensor_int", () -> Torch.tensor(5),
            "tensor_float", () -> Torch.tensor(5.),
            "tensor_bool", () -> Torch.tensor(true));

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("item.json");
    }

    static Stream<Named<JsonObject>> literals() throws IOException {
        try (var in = ItemGoldenTest.class.getResourceAsStream("/goldens/item.json")) {
            var root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return root.getAsJsonArray("literals").asList().stream().map(JsonElement::getAsJsonObject)
                    .map(o -> Named.of(o.get("name").getAsString(), o)).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void itemPrintsAsPython(JsonObject golden) {
        Tensor t = row(ROWS, golden).get();
        assertEquals(golden.get("dtype").getAsString(), "torch." + Goldens.dtypeName(t.dtype()));
        if (golden.has("error")) {
            assertEquals(golden.get("error").getAsString(), assertThrows(RuntimeException.class, t::item).getMessage());
            assertEquals(golden.get("error").getAsString(), assertThrows(RuntimeException.class, t::itemLong).getMessage());
        } else {
            assertEquals(golden.get("text").getAsString(), itemText(t));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void boolOfTensor(JsonObject golden) {
        Tensor t = row(ROWS, golden).get();
        if (golden.has("bool_error")) {
            assertEquals(golden.get("bool_error").getAsString(),
                    assertThrows(RuntimeException.class, t::itemBool).getMessage());
        } else {
            assertEquals(golden.get("bool").getAsString(), t.itemBool() ? "True" : "False");
        }
    }

    @ParameterizedTest
    @MethodSource("literals")
    void pythonNumberLiterals(JsonObject golden) {
        Tensor t = row(LITERALS, golden).get();
        assertEquals(golden.get("dtype").getAsString(), "torch." + Goldens.dtypeName(t.dtype()));
        assertEquals(golden.get("repr").getAsString(), t.toString());
    }

    /** The accessor a Java user picks by dtype, printed as the kernel's print(...) does. */
    private static String itemText(Tensor t) {
        return switch (t.dtype()) {
            case INT64 -> Long.toString(t.itemLong());
            case BOOL -> t.itemBool() ? "True" : "False";
            case FLOAT32, FLOAT64 -> PythonFloat.repr(t.item());
        };
    }

    private static Supplier<Tensor> row(Map<String, Supplier<Tensor>> rows, JsonObject golden) {
        var body = rows.get(golden.get("name").getAsString());
        assertNotNull(body, "no Java row for " + golden.get("name"));
        return body;
    }
}
