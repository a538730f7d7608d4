package dev.jautograd.display;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
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
    /**
     * Null text is empty text, as IPython's {@code HTML(None)} shows nothing: a null in a display
     * message's data is written into the saved notebook, which nbformat then rejects as invalid.
     */
    public Media {
        content = content == null ? "" : content;
        plain = plain == null ? "" : plain;
    }

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
        return image("image/png", "PNG", bytes);
    }

    public static Media jpeg(byte[] bytes) {
        return image("image/jpeg", "JPEG", bytes);
    }

    private static Media image(String mimeType, String format, byte[] bytes) {
        if (bytes == null) {
            throw new NullPointerException(format.toLowerCase(Locale.ROOT) + "(bytes): the image's bytes are null");
        }
        return new Media(mimeType, Base64.getEncoder().encodeToString(bytes), "<" + format + " image, " + bytes.length + " bytes>");
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
