package dev.jautograd.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of goldens/random.json (written by tools/goldens/gen_random.py with
 * real PyTorch 1.13): seed, then the calls in order on one generator, and demands the
 * exact bits PyTorch produced. Float32 values are compared as floats, float64 as doubles.
 */
class GeneratorGoldenTest {

    static Stream<Named<JsonObject>> cases() throws IOException {
        var resource = GeneratorGoldenTest.class.getResourceAsStream("/goldens/random.json");
        try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            var root = JsonParser.parseReader(reader).getAsJsonObject();
            List<Named<JsonObject>> cases = new ArrayList<>();
            for (var element : root.getAsJsonArray("cases")) {
                var golden = element.getAsJsonObject();
                cases.add(Named.of(golden.get("name").getAsString(), golden));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void replaysPyTorchSequence(JsonObject golden) {
        var generator = new Generator().manualSeed(Long.parseUnsignedLong(golden.get("seed").getAsString()));
        var calls = golden.getAsJsonArray("calls");
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i).getAsJsonObject();
            var label = "call " + i + ": " + call.get("op").getAsString() + " " + call.get("dtype").getAsString()
                    + " " + call.get("shape") + " " + call.get("args");
            replay(generator, call, label);
        }
    }

    private static void replay(Generator generator, JsonObject call, String label) {
        var expected = call.getAsJsonArray("out");
        switch (call.get("dtype").getAsString()) {
            case "float32" -> assertArrayEquals(floats(expected), drawFloats(generator, call, expected.size()), label);
            case "float64" -> assertArrayEquals(doubles(expected), drawDoubles(generator, call, expected.size()), label);
            case "int64" -> assertArrayEquals(longs(expected), drawLongs(generator, call, expected.size()), label);
            default -> throw new IllegalArgumentException("unknown dtype in " + label);
        }
    }

    private static float[] drawFloats(Generator generator, JsonObject call, int size) {
        var out = new float[size];
        var args = call.getAsJsonObject("args");
        switch (call.get("op").getAsString()) {
            case "randn" -> generator.normal(out, 0, 1);
            case "rand" -> generator.uniform(out, 0, 1);
            case "normal" -> generator.normal(out, arg(args, "mean"), arg(args, "std"));
            case "uniform" -> generator.uniform(out, arg(args, "from"), arg(args, "to"));
            default -> throw new IllegalArgumentException(call.toString());
        }
        return out;
    }

    private static double[] drawDoubles(Generator generator, JsonObject call, int size) {
        var out = new double[size];
        var args = call.getAsJsonObject("args");
        switch (call.get("op").getAsString()) {
            case "randn" -> generator.normal(out, 0, 1);
            case "rand" -> generator.uniform(out, 0, 1);
            case "normal" -> generator.normal(out, arg(args, "mean"), arg(args, "std"));
            case "uniform" -> generator.uniform(out, arg(args, "from"), arg(args, "to"));
            default -> throw new IllegalArgumentException(call.toString());
        }
        return out;
    }

    private static long[] drawLongs(Generator generator, JsonObject call, int size) {
        var args = call.getAsJsonObject("args");
        switch (call.get("op").getAsString()) {
            case "randint" -> {
                var out = new long[size];
                generator.randint(out, args.get("low").getAsLong(), args.get("high").getAsLong());
                return out;
            }
            case "randperm" -> {
                var out = generator.randperm(args.get("n").getAsInt());
                assertEquals(size, out.length);
                return out;
            }
            default -> throw new IllegalArgumentException(call.toString());
        }
    }

    private static double arg(JsonObject args, String name) {
        return args.get(name).getAsDouble();
    }

    private static float[] floats(JsonArray values) {
        var out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).getAsDouble();
        }
        return out;
    }

    private static double[] doubles(JsonArray values) {
        var out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsDouble();
        }
        return out;
    }

    private static long[] longs(JsonArray values) {
        var out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsLong();
        }
        return out;
    }
}
