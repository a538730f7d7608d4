package dev.jautograd.nn;

import dev.jautograd.Tensor;
import dev.jautograd.optim.Optimizer;
import java.io.FileWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A debugging aid, not a test: the Java half of tools/goldens/dump_step.py. Runs the first steps
 * of one TrainingParityTest scenario and writes every intermediate (each layer's output and its
 * gradient, the loss, the parameters' gradients and values after the step) as float32 bit
 * patterns, so tools/goldens/compare_dump.py can name the first tensor that differs from PyTorch.
 *
 * <pre>
 * mvn -q -o -pl autograd-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp
 * java -cp autograd-core/target/classes:autograd-core/target/test-classes:$(cat /tmp/cp) \
 *     dev.jautograd.nn.ParityDump adam_mse 3 /tmp/adam_mse.java.json
 * </pre>
 */
public final class ParityDump {
    private ParityDump() {}

    public static void main(String[] args) throws IOException {
        var scenario = TrainingParityTest.SCENARIOS.get(args[0]);
        int steps = Integer.parseInt(args[1]);
        var setup = scenario.setup().get();
        Optimizer optimizer = scenario.optimizer().apply(setup.model().parameters());
        Sequential model = (Sequential) setup.model();
        StringBuilder json = new StringBuilder("{");
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            Tensor h = setup.x();
            List<Tensor> outputs = new ArrayList<>();
            for (int i = 0; i < model.size(); i++) {
                h = model.get(i).forward(h);
                h.retainGrad();
                outputs.add(h);
                put(json, step + ".forward" + i, h);
            }
            Tensor loss = setup.criterion().forward(h, setup.y());
            put(json, step + ".loss", loss);
            loss.backward();
            for (int i = 0; i < outputs.size(); i++) put(json, step + ".grad_forward" + i, outputs.get(i).grad());
            for (var e : model.namedParameters().entrySet()) put(json, step + ".grad." + e.getKey(), e.getValue().grad());
            optimizer.step();
            for (var e : model.namedParameters().entrySet()) put(json, step + ".param." + e.getKey(), e.getValue());
        }
        json.setLength(json.length() - 1);
        try (var out = new FileWriter(args[2])) {
            out.write(json.append('}').toString());
        }
    }

    private static void put(StringBuilder json, String key, Tensor t) {
        json.append('"').append(key).append("\":[");
        double[] values = t.detach().toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) json.append(',');
            json.append(Integer.toUnsignedString(Float.floatToRawIntBits((float) values[i])));
        }
        json.append("],");
    }
}
