package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.JavaHints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an autograd scenario shows, step by step, as gen_autograd.py's Recorder writes it: a
 * tensor's repr, None, True/False, or the message of the error a step raises.
 */
final class Steps {
    /** A step that is expected to fail. */
    interface Failing {
        void run() throws Exception;
    }

    private final List<List<String>> steps = new ArrayList<>();

    void show(String label, Object value) {
        String text;
        if (value == null) text = "None";
        else if (value instanceof Boolean b) text = b ? "True" : "False";
        else if (value instanceof Tensor t) text = t.toString();
        else throw new IllegalArgumentException("cannot show " + value.getClass());
        steps.add(List.of(label, text));
    }

    /** A value shown by its printed form (Python's str), e.g. a return type or a nested list. */
    void text(String label, Object value) {
        steps.add(List.of(label, String.valueOf(value)));
    }

    /** The first comma-separated part of the step's error message (the rest holds random values). */
    void firstLine(String label, Failing step) {
        error(label, step);
        var last = steps.remove(steps.size() - 1);
        steps.add(List.of(label, last.get(1).split(",")[0]));
    }

    void error(String label, Failing step) {
        try {
            step.run();
        } catch (Exception e) {
            // PyTorch's sentence is compared; the Java form of its advice follows it (JavaHintsTest).
            steps.add(List.of(label, String.valueOf(JavaHints.pytorchPart(e.getMessage()))));
            return;
        }
        steps.add(List.of(label, "<no error>"));
    }

    /** Plays the scenario and compares each step it shows with the golden's, then their count. */
    static void assertShowsWhatPyTorchShows(JsonObject golden, Consumer<Steps> scenario) {
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

    List<List<String>> recorded() {
        return steps;
    }
}
