package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gen_softmax.py to the bit: softmax, log_softmax and their gradients, and cross-entropy's loss
 * and gradient, on the shapes the fast paths take (1000x1000 split over the threads, odd and
 * short rows, dim 0, a transposed input, -inf logits, ignore_index). Inputs are the generator's
 * exact formula; outputs are compared by SHA-256 of their float32 bits, then by first and last row.
 */
class SoftmaxGoldenTest {
    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("softmax.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameBitsAsPyTorch(JsonObject golden) {
        String op = golden.get("op").getAsString();
        Tensor x = build(golden.getAsJsonObject("input"));
        switch (op) {
            case "softmax", "log_softmax" -> assertBits(golden.getAsJsonObject("expected"), forward(op, x, dim(golden)), op);
            case "softmax_backward", "log_softmax_backward" -> {
                x.requiresGrad_();
                forward(op.replace("_backward", ""), x, dim(golden)).backward(build(golden.getAsJsonObject("grad")));
                assertBits(golden.getAsJsonObject("expected"), x.grad(), op);
            }
            case "cross_entropy" -> crossEntropy(golden, x.requiresGrad_());
            default -> throw new IllegalArgumentException(op);
        }
    }

    private static void crossEntropy(JsonObject golden, Tensor x) {
        long[] targets = golden.getAsJsonArray("targets").asList().stream().mapToLong(e -> e.getAsLong()).toArray();
        String reduction = golden.get("reduction").getAsString();
        Tensor loss = Functional.crossEntropy(x, Torch.tensor(targets), reduction, golden.get("ignore_index").getAsLong());
        assertBits(golden.getAsJsonObject("loss"), loss, "loss");
        loss.backward(reduction.equals("none") ? Torch.onesLike(loss) : Torch.tensor(1.0f));
        assertBits(golden.getAsJsonObject("expected"), x.grad(), "grad");
    }

    private static int dim(JsonObject golden) {
        return golden.get("dim").getAsInt();
    }

    private static Tensor forward(String op, Tensor x, int dim) {
        return op.equals("softmax") ? x.softmax(dim) : x.logSoftmax(dim);
    }

    /** The generator's grid: ((i·a + j·b) mod 1013 - 506) · scale / 64, exact in float32, then -inf spots, then .t(). */
    private static Tensor build(JsonObject spec) {
        int rows = spec.get("rows").getAsInt(), cols = spec.get("cols").getAsInt(), a = spec.get("a").getAsInt();
        int b = spec.get("b").getAsInt();
        float scale = spec.get("scale").getAsFloat();
        double[] values = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) values[i * cols + j] = (float) (((long) i * a + (long) j * b) % 1013 - 506) * scale / 64;
        }
        for (var spot : spec.getAsJsonArray("neg_inf")) {
            var p = spot.getAsJsonArray();
            values[p.get(0).getAsInt() * cols + p.get(1).getAsInt()] = Double.NEGATIVE_INFINITY;
        }
        Tensor x = Torch.tensor(values).view(rows, cols);
        return spec.get("transpose").getAsBoolean() ? x.t() : x;
    }

    private static void assertBits(JsonObject expected, Tensor actual, String what) {
        float[] v = floats(actual);
        if (expected.has("values")) { // a path not yet in PyTorch's order: within 2 ulp
            double[] want = Goldens.doubles(expected.getAsJsonArray("values"));
            for (int i = 0; i < v.length; i++) {
                assertEquals((float) want[i], v[i], 2 * Math.ulp((float) want[i]), what + " at " + i);
            }
            return;
        }
        int width = actual.dim() == 0 ? 1 : actual.size(-1), rows = v.length / width;
        assertEquals(expected.get("first").getAsString(), hex(v, 0, width), what + ": first row's float32 bits");
        assertEquals(expected.get("last").getAsString(), hex(v, (rows - 1) * width, width), what + ": last row's float32 bits");
        assertEquals(expected.get("sha256").getAsString(), sha256(v), what + ": SHA-256 of all float32 bits");
    }

    private static float[] floats(Tensor t) {
        double[] d = t.contiguous().toDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static String hex(float[] v, int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) out.append(String.format("%08x", Float.floatToIntBits(v[i])));
        return out.toString();
    }

    private static String sha256(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) bytes.putInt(Float.floatToIntBits(f)); // NaN canonical, as the generator
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
