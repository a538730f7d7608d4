package dev.jautograd.print;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jautograd.DType;
import java.util.ArrayList;
import java.util.List;

/** One row of {@code goldens/print.json}, written by {@code tools/goldens/gen_print.py} with real PyTorch. */
record GoldenCase(String name, TensorData data, List<String> suffixes, String profile, JsonObject options,
                  String expected, String error) {

    static GoldenCase fromJson(JsonObject json) {
        var shape = toIntArray(json.getAsJsonArray("shape"));
        var dtype = DType.valueOf(json.get("dtype").getAsString().toUpperCase());
        TensorData data;
        if (json.has("recipe")) {
            data = fromRecipe(shape, dtype, json.getAsJsonObject("recipe"));
        } else if (dtype.isFloatingPoint()) {
            data = new TensorData(shape, dtype, toDoubles(json.getAsJsonArray("floats")), null);
        } else {
            data = new TensorData(shape, dtype, null, toLongs(json.getAsJsonArray("longs")));
        }
        var suffixes = new ArrayList<String>();
        json.getAsJsonArray("suffixes").forEach(s -> suffixes.add(s.getAsString()));
        var profile = json.has("profile") ? json.get("profile").getAsString() : "default";
        var options = json.has("options") ? json.getAsJsonObject("options") : new JsonObject();
        return new GoldenCase(json.get("name").getAsString(), data, suffixes, profile, options,
                optionalString(json, "expected"), optionalString(json, "error"));
    }

    /** Makes these options current, as {@code torch.set_printoptions(profile=..., **options)} did. */
    void applyPrintOptions() {
        PrintOptions.setProfile(profile);
        PrintOptions.set(optionalInt("precision"), optionalInt("threshold"), optionalInt("edgeitems"),
                optionalInt("linewidth"), options.has("sci_mode") ? options.get("sci_mode").getAsBoolean() : null);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String optionalString(JsonObject json, String key) {
        return json.has(key) ? json.get(key).getAsString() : null;
    }

    private Integer optionalInt(String key) {
        return options.has(key) ? options.get(key).getAsInt() : null;
    }

    /**
     * Element i is ((a*i + c) mod m - offset), divided by div and multiplied by mul for floats (in double,
     * then rounded to float32 as torch.tensor(..., dtype=float32) does), taken mod 2 for bool.
     */
    private static TensorData fromRecipe(int[] shape, DType dtype, JsonObject recipe) {
        int numel = 1;
        for (int size : shape) {
            numel *= size;
        }
        long a = recipe.get("a").getAsLong();
        long c = recipe.get("c").getAsLong();
        long m = recipe.get("m").getAsLong();
        long offset = recipe.get("offset").getAsLong();
        double div = recipe.get("div").getAsDouble();
        double mul = recipe.get("mul").getAsDouble();
        var floats = dtype.isFloatingPoint() ? new double[numel] : null;
        var longs = dtype.isFloatingPoint() ? null : new long[numel];
        for (int i = 0; i < numel; i++) {
            long raw = Math.floorMod(a * i + c, m) - offset;
            if (floats != null) {
                floats[i] = roundToDtype(raw / div * mul, dtype);
            } else {
                longs[i] = dtype == DType.BOOL ? Math.floorMod(raw, 2) : raw;
            }
        }
        for (var patch : recipe.getAsJsonArray("patch")) {
            int index = patch.getAsJsonArray().get(0).getAsInt();
            var value = patch.getAsJsonArray().get(1);
            if (floats != null) {
                floats[index] = roundToDtype(toDouble(value), dtype);
            } else {
                longs[index] = value.getAsLong();
            }
        }
        return new TensorData(shape, dtype, floats, longs);
    }

    private static double roundToDtype(double value, DType dtype) {
        return dtype == DType.FLOAT32 ? (double) (float) value : value;
    }

    private static int[] toIntArray(JsonArray array) {
        var result = new int[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).getAsInt();
        }
        return result;
    }

    private static long[] toLongs(JsonArray array) {
        var result = new long[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).getAsLong();
        }
        return result;
    }

    private static double[] toDoubles(JsonArray array) {
        var result = new double[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = toDouble(array.get(i));
        }
        return result;
    }

    /** JSON has no nan or inf, so the generator writes those as strings. */
    private static double toDouble(JsonElement element) {
        var primitive = element.getAsJsonPrimitive();
        if (primitive.isString()) {
            return switch (primitive.getAsString()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("unknown float " + primitive);
            };
        }
        return primitive.getAsDouble();
    }
}
