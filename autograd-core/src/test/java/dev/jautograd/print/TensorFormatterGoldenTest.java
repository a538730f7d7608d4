package dev.jautograd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every repr in {@code goldens/print.json} (written by real PyTorch 1.13) must come out identical, and
 * where PyTorch failed to print, the same message must be thrown.
 */
class TensorFormatterGoldenTest {

    static List<GoldenCase> cases() throws IOException {
        try (var stream = TensorFormatterGoldenTest.class.getResourceAsStream("/goldens/print.json")) {
            if (stream == null) {
                throw new IllegalStateException("goldens/print.json is missing; run tools/goldens/gen_print.py");
            }
            var root = JsonParser.parseReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            var cases = new ArrayList<GoldenCase>();
            root.getAsJsonObject().getAsJsonArray("cases")
                    .forEach(json -> cases.add(GoldenCase.fromJson(json.getAsJsonObject())));
            return cases;
        }
    }

    @AfterEach
    void restoreDefaultOptions() {
        PrintOptions.setProfile("default");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reprMatchesPyTorch(GoldenCase golden) {
        golden.applyPrintOptions();
        if (golden.error() != null) {
            var thrown = assertThrows(RuntimeException.class,
                    () -> TensorFormatter.repr(golden.data(), golden.suffixes()));
            assertEquals(golden.error(), thrown.getMessage());
        } else {
            assertEquals(golden.expected(), TensorFormatter.repr(golden.data(), golden.suffixes()));
        }
    }

    @Test
    void goldenTableIsLargeEnough() throws IOException {
        assertTrue(cases().size() >= 150, "expected at least 150 golden cases, found " + cases().size());
    }
}
