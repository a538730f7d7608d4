package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * goldens/reductions_large.json (tools/goldens/gen_reductions_large.py): float32 sums and means at
 * the benchmark's sizes (10^7 floats, 1000×10000 over either dim), odd sizes and non-contiguous
 * views, bit for bit against PyTorch. These reach the fast reductions' SIMD kernels (VectorSum)
 * with the gates cold, as a notebook does, where ReductionGoldenTest's small tensors stay scalar;
 * the build runs it again with -Djautograd.loops=plain.
 */
class ReductionLargeGoldenTest {
    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("reductions_large.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesPyTorchBitForBit(JsonObject golden) {
        Torch.manualSeed(golden.get("seed").getAsLong());
        Tensor x = view(Torch.randn(ints(golden.get("shape"))), golden.get("view"));
        boolean sum = golden.get("op").getAsString().equals("sum");
        Tensor y;
        if (golden.get("dims").isJsonNull()) {
            y = sum ? x.sum() : x.mean();
        } else {
            int[] dims = ints(golden.get("dims"));
            boolean keepdim = golden.get("keepdim").getAsBoolean();
            y = sum ? x.sum(dims, keepdim) : x.mean(dims, keepdim);
        }
        assertArrayEquals(ints(golden.get("out_shape")), y.shape(), "shape");
        var values = golden.getAsJsonArray("values");
        double[] actual = y.toDoubleArray();
        assertEquals(values.size(), actual.length);
        for (int i = 0; i < actual.length; i++) {
            float expected = Float.parseFloat(values.get(i).getAsString());
            int at = i;
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits((float) actual[i]),
                    () -> "output " + at + ": PyTorch " + expected + ", ours " + (float) actual[at]);
        }
    }

    private static Tensor view(Tensor x, JsonElement view) {
        if (view.isJsonNull()) return x;
        String v = view.getAsString();
        if (v.equals("t")) return x.transpose(-2, -1);
        String[] parts = v.split(":");
        int[] args = java.util.Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
        if (!parts[0].equals("narrow")) throw new IllegalArgumentException(v);
        return x.narrow(args[0], args[1], args[2]);
    }

    private static int[] ints(JsonElement array) {
        var a = array.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }
}
