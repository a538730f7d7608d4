package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of goldens/errors.json (tools/goldens/gen_errors.py, real PyTorch 1.13): a bad call
 * of the op table must fail with exactly PyTorch's message. The exception type is Java's choice.
 */
class ErrorGoldenTest {

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("errors.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsWithPyTorchMessage(JsonObject golden) {
        var inputs = OpTable.inputs(golden);
        var thrown = assertThrows(RuntimeException.class, () -> OpTable.run(golden, inputs),
                "PyTorch raised " + golden.get("type").getAsString());
        assertEquals(golden.get("message").getAsString(), thrown.getMessage());
    }
}
