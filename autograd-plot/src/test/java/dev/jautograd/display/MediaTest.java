package dev.jautograd.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Null content: no null in the display data, which a saved notebook would carry and nbformat reject. */
class MediaTest {
    @Test
    void nullTextIsEmpty() {
        assertEquals(Map.of("text/plain", "<HTML>", "text/html", ""), Media.html(null).mimeBundle());
        assertEquals(Map.of("text/plain", "", "text/markdown", ""), Media.markdown(null).mimeBundle());
        assertEquals(Map.of("text/plain", "<SVG image>", "image/svg+xml", ""), Media.svg(null).mimeBundle());
    }

    @Test
    void nullImageBytesSayWhat() {
        assertEquals("png(bytes): the image's bytes are null",
                assertThrows(NullPointerException.class, () -> Media.png(null)).getMessage());
        assertEquals("jpeg(bytes): the image's bytes are null",
                assertThrows(NullPointerException.class, () -> Media.jpeg(null)).getMessage());
        assertEquals("<PNG image, 3 bytes>", Media.png(new byte[] {1, 2, 3}).plain());
    }
}
