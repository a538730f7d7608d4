package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.golden.Goldens;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gen_parity.py's float32 kernels to the bit: Sleef's tanh/log/exp, sigmoid with its scalar tail,
 * and the backward formulas of tanh, sigmoid and log_softmax as PyTorch's CPU build rounds them.
 * A training step runs each of these; one last bit apart is enough for loss.item() to print other
 * digits a few steps later (TrainingParityTest).
 */
class ParityGoldenTest {
    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("parity.json");
    }

    private static Function<Tensor, Tensor> forward(String op) {
        return switch (op.replace("_backward", "")) {
            case "tanh" -> Tensor::tanh;
            case "sigmoid" -> Tensor::sigmoid;
            case "exp" -> Tensor::exp;
            case "log" -> Tensor::log;
            case "log_softmax" -> x -> x.logSoftmax(-1);
            case "softmax" -> x -> x.softmax(-1);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameBitsAsPyTorch(JsonObject golden) {
        String op = golden.get("op").getAsString();
        var inputs = golden.getAsJsonArray("inputs");
        Tensor x = decode(inputs.get(0).getAsJsonObject());
        Tensor actual;
        if (op.endsWith("_backward")) {
            x.requiresGrad_();
            forward(op).apply(x).backward(decode(inputs.get(1).getAsJsonObject()));
            actual = x.grad();
        } else {
            actual = forward(op).apply(x);
        }
        Tensor expected = decode(golden.getAsJsonObject("expected"));
        assertEquals(hex(expected), hex(actual), op + ": float32 bits (8 hex digits an element)");
    }

    private static Tensor decode(JsonObject encoded) {
        String bits = encoded.get("bits").getAsString();
        Storage storage = Storage.allocate(dev.jautograd.DType.FLOAT32, bits.length() / 8);
        for (int i = 0; i < bits.length() / 8; i++) {
            storage.set(i, Float.intBitsToFloat(Integer.parseUnsignedInt(bits.substring(8 * i, 8 * i + 8), 16)));
        }
        return TensorInternals.wrap(storage, Goldens.ints(encoded.getAsJsonArray("shape")));
    }

    /** Element by element on its own line, so a failure shows which ones differ. */
    private static String hex(Tensor t) {
        StringBuilder out = new StringBuilder();
        for (double v : t.toDoubleArray()) {
            float f = (float) v;
            out.append(String.format("%08x %s%n", Float.floatToIntBits(f), f));
        }
        return out.toString();
    }
}
