package dev.jautograd.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Torch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DisplayRegistryTest {
    @Test
    void unknownObjectsKeepJShellsText() {
        var registry = DisplayRegistry.withDefaults();
        assertEquals(Map.of("text/plain", "\"quoted\""), registry.render("quoted", "\"quoted\"").data());
        assertEquals(Map.of("text/plain", "[1, 2]"), registry.render(List.of(1, 2), "[1, 2]").data());
        assertEquals(Map.of("text/plain", "null"), registry.render(null, "null").data());
    }

    /** A RichOutput's nulls never reach the message: nbclient stopped on a null in an output's data. */
    @Test
    void aRichOutputsNullsAreLeftOut() {
        var data = new java.util.LinkedHashMap<String, String>();
        data.put("text/plain", "mine");
        data.put("text/html", null);
        data.put(null, "x");
        dev.jautograd.display.RichOutput mine = () -> data;
        assertEquals(Map.of("text/plain", "mine"), DisplayRegistry.withDefaults().render(mine, "mine").data());
        dev.jautograd.display.RichOutput none = () -> null;
        assertEquals(Map.of(), DisplayRegistry.withDefaults().render(none, "none").data());
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

    /** The background warm-up's first plot took 0.6 s to render, and the first cell's 1+1 waited for it. */
    @Test
    void aSlowRenderDoesNotHoldUpOthers() throws Exception {
        var slowStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var registry = new DisplayRegistry().register(StringBuilder.class, (v, t) -> {
            slowStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MimeBundle.plain("slow");
        });
        var slow = CompletableFuture.supplyAsync(() -> registry.render(new StringBuilder(), "sb"));
        try {
            assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
            var quick = CompletableFuture.supplyAsync(() -> registry.render(2, "2"));
            assertEquals(Map.of("text/plain", "2"), quick.get(10, TimeUnit.SECONDS).data());
        } finally {
            release.countDown();
        }
        assertEquals(Map.of("text/plain", "slow"), slow.get(10, TimeUnit.SECONDS).data());
    }

    @Test
    void htmlEscapes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }
}
