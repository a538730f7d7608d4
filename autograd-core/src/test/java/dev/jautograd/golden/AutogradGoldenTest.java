package dev.jautograd.golden;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of goldens/autograd.json (tools/goldens/gen_autograd.py, real PyTorch 1.13):
 * the Java program of the same name must show the same texts, in the same order.
 */
class AutogradGoldenTest {

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("autograd.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void showsWhatPyTorchShows(JsonObject golden) {
        String name = golden.get("name").getAsString();
        var scenario = AutogradScenarios.SCENARIOS.getOrDefault(name, TrainingScenarios.SCENARIOS.get(name));
        Steps.assertShowsWhatPyTorchShows(golden, scenario);
    }
}
