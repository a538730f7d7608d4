package dev.jautograd.kernel.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jupyter MIME bundle: MIME type to text, in insertion order ({@code text/plain} first), and the
 * output's metadata by MIME type (e.g. a 2x PNG's size in CSS pixels: {@code width}, {@code height}).
 */
public record MimeBundle(Map<String, String> data, Map<String, Map<String, Object>> metadata) {
    /**
     * A null type or text is left out: a null in a display message is written into the saved
     * notebook, which nbformat rejects, and nbclient (nbconvert, a grading run) stopped on it. A
     * {@code RichOutput} a cell wrote may return any map.
     */
    public MimeBundle {
        var kept = new LinkedHashMap<String, String>();
        if (data != null) {
            for (var entry : data.entrySet()) {
                if (entry.getKey() != null && entry.getValue() != null) {
                    kept.put(entry.getKey(), entry.getValue());
                }
            }
        }
        data = Collections.unmodifiableMap(kept);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    }

    public MimeBundle(Map<String, String> data) {
        this(data, Map.of());
    }

    /** Nothing to show: a cell whose value is this publishes no result. */
    public static final MimeBundle NONE = new MimeBundle(Map.of());

    public boolean isEmpty() {
        return data.isEmpty();
    }

    public static MimeBundle plain(String text) {
        return new MimeBundle(Map.of("text/plain", text));
    }

    public static MimeBundle of(String plain, String html) {
        var data = new LinkedHashMap<String, String>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        return new MimeBundle(data);
    }

    public String plainText() {
        return data.get("text/plain");
    }
}
