package dev.jautograd.golden;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of goldens/autograd_api.json (tools/goldens/gen_autograd_api.py, real PyTorch
 * 1.13): the Java program of the same name must show the same texts, in the same order.
 */
class AutogradApiGoldenTest {
    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("autograd_api.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void showsWhatPyTorchShows(JsonObject golden) {
        var scenario = AutogradApiScenarios.SCENARIOS.get(golden.get("name").getAsString());
        Steps.assertShowsWhatPyTorchShows(golden, scenario);
    }
}
