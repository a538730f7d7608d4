package dev.jautograd.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jautograd.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayRegistryTest {
    @Test
    void unknownObjectsKeepJShellsText() {
        var registry = DisplayRegistry.withDefaults();
        assertEquals(Map.of("text/plain", "\"quoted\""), registry.render("quoted", "\"quoted\"").data());
        assertEquals(Map.of("text/plain", "[1, 2]"), registry.render(List.of(1, 2), "[1, 2]").data());
        assertEquals(Map.of("text/plain", "null"), registry.render(null, "null").data());
    }

    @Test
    void tensorsGetTheirRenderer() {
        var bundle = DisplayRegistry.withDefaults().render(Torch.ones(2), "tensor([1., 1.])");
        assertEquals(List.of("text/plain", "text/html"), List.copyOf(bundle.data().keySet()));
    }

    @Test
    void mostSpecificRegistrationWins() {
        var registry = new DisplayRegistry()
                .register(Object.class, (v, t) -> MimeBundle.plain("object"))
                .register(CharSequence.class, (v, t) -> MimeBundle.plain("chars"))
                .register(String.class, (v, t) -> MimeBundle.plain("string"));
        assertEquals("string", registry.render("s", "\"s\"").plainText());
        assertEquals("chars", registry.render(new StringBuilder("b"), "b").plainText());
        assertEquals("object", registry.render(3, "3").plainText());
    }

    @Test
    void interfaceBeatsObject() {
        var registry = new DisplayRegistry()
                .register(Object.class, (v, t) -> MimeBundle.plain("object"))
                .register(Iterable.class, (v, t) -> MimeBundle.plain("iterable"));
        assertEquals("iterable", registry.render(List.of(), "[]").plainText());
    }

    @Test
    void htmlEscapes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }
}
