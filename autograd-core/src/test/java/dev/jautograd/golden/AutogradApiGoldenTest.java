package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
        assertNotNull(scenario, "no Java scenario for " + golden.get("name"));
        var steps = new Steps();
        scenario.accept(steps);
        List<List<String>> expected = new ArrayList<>();
        golden.getAsJsonArray("steps").forEach(step -> expected.add(List.of(
                step.getAsJsonArray().get(0).getAsString(), step.getAsJsonArray().get(1).getAsString())));
        var actual = steps.recorded();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "step " + i);
        }
        assertEquals(expected.size(), actual.size(), "number of steps");
    }
}
