package dev.jautograd.random;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads goldens/random.json and replays its calls on a {@link Generator}. */
final class Goldens {
    private static JsonObject root;

    private Goldens() {
    }

    static synchronized JsonObject root() {
        if (root == null) {
            var resource = Goldens.class.getResourceAsStream("/goldens/random.json");
            try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
                root = JsonParser.parseReader(reader).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static List<JsonObject> list(String key) {
        List<JsonObject> out = new ArrayList<>();
        root().getAsJsonArray(key).forEach(element -> out.add(element.getAsJsonObject()));
        return out;
    }

    static Generator seeded(JsonObject golden) {
        return new Generator().manualSeed(Long.parseUnsignedLong(golden.get("seed").getAsString()));
    }

    static String label(int index, JsonObject call) {
        return "call " + index + ": " + call.get("op").getAsString() + " " + call.get("dtype").getAsString()
                + " " + call.get("shape") + " " + call.get("args");
    }

    static boolean isDoubleNormal(JsonObject call) {
        var op = call.get("op").getAsString();
        return call.get("dtype").getAsString().equals("float64") && (op.equals("randn") || op.equals("normal"));
    }

    static double arg(JsonObject call, String name, double fallback) {
        var args = call.getAsJsonObject("args");
        return args.has(name) ? args.get(name).getAsDouble() : fallback;
    }

    static int size(JsonObject call) {
        int size = 1;
        for (var dim : call.getAsJsonArray("shape")) {
            size *= dim.getAsInt();
        }
        return size;
    }

    static float[] drawFloats(Generator generator, JsonObject call) {
        var out = new float[size(call)];
        switch (call.get("op").getAsString()) {
            case "randn" -> generator.normal(out, 0, 1);
            case "rand" -> generator.uniform(out, 0, 1);
            case "normal" -> generator.normal(out, arg(call, "mean", 0), arg(call, "std", 1));
            case "uniform" -> generator.uniform(out, arg(call, "from", 0), arg(call, "to", 1));
            default -> throw new IllegalArgumentException(call.toString());
        }
        return out;
    }

    static double[] drawDoubles(Generator generator, JsonObject call) {
        var out = new double[size(call)];
        switch (call.get("op").getAsString()) {
            case "randn" -> generator.normal(out, 0, 1);
            case "rand" -> generator.uniform(out, 0, 1);
            case "normal" -> generator.normal(out, arg(call, "mean", 0), arg(call, "std", 1));
            case "uniform" -> generator.uniform(out, arg(call, "from", 0), arg(call, "to", 1));
            default -> throw new IllegalArgumentException(call.toString());
        }
        return out;
    }

    static long[] drawLongs(Generator generator, JsonObject call) {
        var args = call.getAsJsonObject("args");
        return switch (call.get("op").getAsString()) {
            case "randint" -> {
                var out = new long[size(call)];
                generator.randint(out, args.get("low").getAsLong(), args.get("high").getAsLong());
                yield out;
            }
            case "randperm" -> generator.randperm(args.get("n").getAsInt());
            default -> throw new IllegalArgumentException(call.toString());
        };
    }

    static float[] floats(JsonArray values) {
        var out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).getAsDouble();
        }
        return out;
    }

    static double[] doubles(JsonArray values) {
        var out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsDouble();
        }
        return out;
    }

    static long[] longs(JsonArray values) {
        var out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getAsLong();
        }
        return out;
    }
}
