package dev.jautograd.display;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A piece of content of one MIME type with its text for consoles, as IPython's {@code HTML},
 * {@code Markdown}, {@code SVG}, {@code Image} and {@code Latex} objects are:
 * {@code display(Media.html("<b>hi</b>"))}.
 *
 * @param mimeType the MIME type of {@code content}
 * @param content  text, or base64 for a binary type
 * @param plain    what a console or a client that cannot show the type prints
 */
public record Media(String mimeType, String content, String plain) implements RichOutput {
    public static Media html(String html) {
        return new Media("text/html", html, "<HTML>");
    }

    public static Media markdown(String markdown) {
        return new Media("text/markdown", markdown, markdown);
    }

    /** LaTeX math, e.g. {@code "$\\frac{\\partial y}{\\partial a} = 3a^2$"}. */
    public static Media latex(String latex) {
        return new Media("text/latex", latex, latex);
    }

    public static Media svg(String svg) {
        return new Media("image/svg+xml", svg, "<SVG image>");
    }

    public static Media png(byte[] bytes) {
        return new Media("image/png", Base64.getEncoder().encodeToString(bytes), "<PNG image, " + bytes.length + " bytes>");
    }

    public static Media jpeg(byte[] bytes) {
        return new Media("image/jpeg", Base64.getEncoder().encodeToString(bytes), "<JPEG image, " + bytes.length + " bytes>");
    }

    @Override
    public Map<String, String> mimeBundle() {
        var bundle = new LinkedHashMap<String, String>();
        bundle.put("text/plain", plain);
        bundle.put(mimeType, content);
        return bundle;
    }

    @Override
    public String toString() {
        return plain;
    }
}
