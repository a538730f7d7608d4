package dev.jautograd.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jautograd.golden.Goldens;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The sections of goldens/nn.json (tools/goldens/gen_nn.py), each case named by its "name". */
final class NnGoldens {
    private static JsonObject root;

    private NnGoldens() {}

    static synchronized JsonObject root() {
        if (root == null) {
            try (var reader = new InputStreamReader(NnGoldens.class.getResourceAsStream("/goldens/nn.json"),
                    StandardCharsets.UTF_8)) {
                root = JsonParser.parseReader(reader).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Stream<Named<JsonObject>> section(String name) {
        return root().getAsJsonArray(name).asList().stream().map(JsonElement::getAsJsonObject)
                .map(c -> Named.of(c.get("name").getAsString(), c));
    }

    static Stream<Named<JsonObject>> modules() {
        return Goldens.cases("nn.json");
    }
}
