package dev.jautograd.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jautograd.kernel.display.MimeBundle;
import java.util.List;

/** Small builders for Jupyter message contents. */
final class Json {
    private Json() {
    }

    static JsonObject ok() {
        var o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    static JsonObject error(String ename, String evalue, List<String> traceback) {
        var o = new JsonObject();
        o.addProperty("status", "error");
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        o.add("traceback", strings(traceback));
        return o;
    }

    static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static JsonObject mime(MimeBundle bundle) {
        var data = new JsonObject();
        bundle.data().forEach(data::addProperty);
        return data;
    }

    /** The bundle's output metadata ({@code {"image/png": {"width": 304}}}); numbers and strings. */
    static JsonObject metadata(MimeBundle bundle) {
        var metadata = new JsonObject();
        bundle.metadata().forEach((type, fields) -> {
            var entry = new JsonObject();
            fields.forEach((key, value) -> {
                if (value instanceof Number number) entry.addProperty(key, number);
                else if (value instanceof Boolean flag) entry.addProperty(key, flag);
                else entry.addProperty(key, String.valueOf(value));
            });
            metadata.add(type, entry);
        });
        return metadata;
    }

    static String string(JsonObject o, String key, String fallback) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : fallback;
    }

    static boolean bool(JsonObject o, String key, boolean fallback) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsBoolean() : fallback;
    }

    static int integer(JsonObject o, String key, int fallback) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsInt() : fallback;
    }

    /** Jupyter counts cursor positions in Unicode code points; Java strings index UTF-16 units. */
    static int charIndex(String code, int codePoints) {
        int clamped = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, clamped);
    }

    static int codePointIndex(String code, int charIndex) {
        return code.codePointCount(0, Math.max(0, Math.min(charIndex, code.length())));
    }
}
