package dev.jautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.golden.Goldens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Modules against gen_nn.py: print(model), parameters (names, values, repr), state dict keys, loading. */
class ModuleGoldenTest {
    /** The same module the generator builds, after the same torch.manual_seed(0). */
    static final class Net extends Module {
        final Linear l1 = registerModule("l1", new Linear(2, 3));
        final Tanh act = registerModule("act", new Tanh());
        final Tensor w = registerParameter("w", Torch.randn(3));
        final Sequential head = registerModule("head", new Sequential(new Linear(3, 1, false), new Sigmoid()));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(act.forward(l1.forward(x)).mul(w));
        }
    }

    /** More than Map.of's ten: the models that also run forward and backward in the golden. */
    static final Map<String, Supplier<Module>> MODELS = Map.of(
            "classifier_head", () -> new Sequential(new Flatten(), new Linear(12, 4), new Identity(), new LogSoftmax(1)),
            "softmax_flatten_dims", () -> new Sequential(new Flatten(0, 1), new Softmax(-1)));

    static final Map<String, Supplier<Module>> BASIC = Map.of(
            "linear", () -> new Linear(3, 2),
            "linear_nobias", () -> new Linear(3, 2, false),
            "sequential_mlp", () -> new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.2), new Linear(8, 3)),
            "nested_sequential", () -> new Sequential(new Linear(2, 3), new Tanh(),
                    new Sequential(new Linear(3, 3), new Sigmoid()), new Linear(3, 1)),
            "custom_module", Net::new,
            "embedding", () -> new Embedding(10, 3),
            "embedding_padding", () -> new Embedding(6, 2, -1),
            "dropout_small_p", () -> new Dropout(1e-05),
            "losses", () -> new Sequential(new MSELoss(), new L1Loss(), new CrossEntropyLoss(), new NLLLoss(),
                    new BCELoss(), new BCEWithLogitsLoss()),
            "empty", Module::new);

    static Stream<Named<JsonObject>> modules() {
        return NnGoldens.modules();
    }

    private static Module build(JsonObject golden) {
        Torch.manualSeed(0);
        String name = golden.get("name").getAsString();
        return (MODELS.containsKey(name) ? MODELS : BASIC).get(name).get();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void printsAsPyTorch(JsonObject golden) {
        assertEquals(golden.get("repr").getAsString(), build(golden).toString());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void parametersInPyTorchsOrderWithItsValuesAndRepr(JsonObject golden) {
        Map<String, Tensor> params = build(golden).namedParameters();
        var expected = golden.getAsJsonArray("parameters").asList();
        assertEquals(names(expected), new ArrayList<>(params.keySet()));
        for (JsonElement e : expected) {
            JsonObject p = e.getAsJsonObject();
            Tensor actual = params.get(p.get("name").getAsString());
            Goldens.assertTensor(p.get("values"), actual, p.get("name").getAsString());
            assertEquals(p.get("repr").getAsString(), actual.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void stateDictChildrenAndModules(JsonObject golden) {
        Module m = build(golden);
        var stateDict = golden.getAsJsonArray("state_dict").asList();
        assertEquals(names(stateDict), new ArrayList<>(m.stateDict().keySet()));
        for (JsonElement e : stateDict) {
            JsonObject entry = e.getAsJsonObject();
            assertEquals(entry.get("shape").toString(),
                    java.util.Arrays.toString(m.stateDict().get(entry.get("name").getAsString()).shape()).replace(" ", ""));
        }
        assertEquals(golden.get("state_dict_repr").getAsString(), m.stateDict().toString());
        assertEquals(strings(golden, "children"), new ArrayList<>(m.namedChildren().keySet()));
        assertEquals(strings(golden, "modules"), new ArrayList<>(m.namedModules().keySet()));
    }

    static Stream<Named<JsonObject>> withForward() {
        return modules().filter(c -> c.getPayload().has("forward"));
    }

    @ParameterizedTest
    @MethodSource("withForward")
    void forwardAndBackwardThroughTheModel(JsonObject golden) {
        Module m = build(golden);
        JsonObject f = golden.getAsJsonObject("forward");
        Tensor x = Goldens.tensor(f.getAsJsonObject("input"));
        Tensor out = m.forward(x);
        Goldens.assertTensor(f.get("out"), out, "out");
        assertEquals(f.get("grad_fn").getAsString(), out.gradFn().name());
        out.backward(Torch.onesLike(out));
        Goldens.assertTensor(f.get("grad"), x.grad(), "grad");
    }

    static Stream<Named<JsonObject>> stateDictErrors() {
        return NnGoldens.section("state_dict_errors");
    }

    @ParameterizedTest
    @MethodSource("stateDictErrors")
    void loadStateDictFailsWithPyTorchsMessage(JsonObject golden) {
        Module m = golden.get("name").getAsString().equals("nested_missing")
                ? new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1)) : new Linear(2, 3);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        golden.getAsJsonObject("state").entrySet().forEach(e -> sd.put(e.getKey(),
                Torch.zeros(Goldens.ints(e.getValue().getAsJsonObject().getAsJsonArray("shape")))));
        var error = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd));
        assertEquals(golden.get("message").getAsString(), error.getMessage());
        if (!golden.get("non_strict").isJsonNull()) {
            assertEquals(golden.get("non_strict").getAsString(), m.loadStateDict(sd, false).toString());
        }
    }

    @Test
    void stateDictSurvivesAFileBitForBit(@TempDir Path dir) throws java.io.IOException {
        Torch.manualSeed(1);
        var model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2, false), new Embedding(5, 2));
        Path file = dir.resolve("model.jsd");
        StateDict.save(model.stateDict(), file);
        Torch.manualSeed(2);
        var other = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2, false), new Embedding(5, 2));
        assertEquals("<All keys matched successfully>", other.loadStateDict(StateDict.load(file)).toString());
        Map<String, Tensor> loaded = other.stateDict();
        assertEquals(new ArrayList<>(model.stateDict().keySet()), new ArrayList<>(loaded.keySet()));
        model.stateDict().forEach((k, v) -> assertEquals(java.util.Arrays.toString(v.toDoubleArray()),
                java.util.Arrays.toString(loaded.get(k).toDoubleArray()), k));
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void theLoadedParametersAreStillTheModulesOwn() {
        Torch.manualSeed(0);
        var layer = new Linear(2, 2);
        Tensor weight = layer.weight();
        layer.loadStateDict(Map.of("weight", Torch.ones(2, 2), "bias", Torch.zeros(2)));
        assertSame(weight, layer.weight());
        assertEquals("Parameter containing:\ntensor([[1., 1.],\n        [1., 1.]], requires_grad=True)", weight.toString());
        assertEquals(1, weight.version(), "copy_ counts as one in-place write");
    }

    @Test
    void trainEvalAndZeroGradReachEverySubmodule() {
        var inner = new Dropout(0.5);
        var model = new Sequential(new Linear(2, 2), new Sequential(inner));
        assertTrue(inner.isTraining());
        model.eval();
        assertEquals(false, inner.isTraining());
        model.train();
        assertTrue(inner.isTraining());
        model.forward(Torch.ones(1, 2)).sum().backward();
        model.zeroGrad();
        assertEquals("tensor([[0., 0.],\n        [0., 0.]])", model.parameters().get(0).grad().toString());
        model.zeroGrad(true);
        assertEquals(null, model.parameters().get(0).grad());
    }

    @Test
    void freezingAndIteratingASequential() {
        var model = new Sequential(new Linear(2, 2), new ReLU(), new Linear(2, 1));
        model.get(0).requiresGrad_(false);
        model.forward(Torch.ones(1, 2)).sum().backward();
        assertEquals(null, ((Linear) model.get(0)).weight().grad(), "a frozen layer gets no gradient");
        assertTrue(((Linear) model.get(-1)).weight().grad() != null);
        List<String> names = new ArrayList<>();
        for (Module m : model) names.add(m.toString().substring(0, 4));
        assertEquals(List.of("Line", "ReLU", "Line"), names);
    }

    @Test
    void forwardMissingAndBadNamesHavePyTorchsMessages() {
        var e = assertThrows(UnsupportedOperationException.class, () -> new Module().forward(Torch.ones(1)));
        assertEquals("Module [Module] is missing the required \"forward\" function", e.getMessage());
        var m = new Module();
        assertEquals("parameter name can't contain \".\"",
                assertThrows(IllegalArgumentException.class, () -> m.registerParameter("a.b", Torch.ones(1))).getMessage());
        m.registerModule("l", new Linear(1, 1));
        assertEquals("attribute 'l' already exists",
                assertThrows(IllegalArgumentException.class, () -> m.registerParameter("l", Torch.ones(1))).getMessage());
    }

    private static List<String> names(List<JsonElement> entries) {
        return entries.stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList();
    }

    private static List<String> strings(JsonObject golden, String key) {
        return golden.getAsJsonArray(key).asList().stream().map(JsonElement::getAsString).toList();
    }
}
