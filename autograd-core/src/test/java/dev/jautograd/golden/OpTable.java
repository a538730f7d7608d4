package dev.jautograd.golden;

import static java.util.Map.entry;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.ops.Addmm;
import dev.jautograd.ops.Graph;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How each op key of the goldens is called on the inputs {@code c.x(i)} with the case's scalar
 * arguments: by its row of ops.txt ({@link OpRows}), or, for the few rows marked
 * {@code special}, by {@link #SPECIAL} (golden_common.OPS in Python).
 */
public final class OpTable {
    private OpTable() {}

    /** One golden call: its input tensors and its scalar arguments. */
    public record Call(List<Tensor> inputs, JsonObject args) {
        public Tensor x(int i) { return inputs.get(i); }

        /** The Python number {@code s}; integral values stay ints as Python's {@code 2} would. */
        public double s() { return args.get("s").getAsDouble(); }

        public int[] ints(String name) { return Goldens.ints(args.getAsJsonArray(name)); }

        public DType dtype() { return Goldens.dtype(args.get("dtype").getAsString()); }
    }

    /** The calls ops.txt marks {@code special}, as golden_common.OPS makes them in Python. */
    public static final Map<String, Function<Call, Tensor>> SPECIAL = Map.ofEntries(
            entry("rsub", c -> c.x(0).rsub(c.x(1))),
            entry("rdiv_scalar", c -> c.x(0).rdiv(c.s())),
            // Python's `s ** x` wraps s as a 0-dim tensor (PowBackward1); Torch.pow(s, x) is torch.pow (PowBackward2, fidelity.json)
            entry("rpow_scalar", c -> Graph.scalar(c.s(), c.x(0)).pow(c.x(0))),
            entry("add_transposed", c -> c.x(0).add(c.x(1).transpose(0, 1))),
            entry("transposed_add_transposed", c -> c.x(0).transpose(0, 1).add(c.x(1).transpose(0, 1))),
            entry("matmul_mT", c -> c.x(0).matmul(c.x(1).transpose(-2, -1))),
            entry("item", c -> Torch.tensor(c.x(0).item())),
            // no Torch.addmm yet: nn.Linear records AddmmBackward0 through Functional.linear
            entry("addmm", c -> Addmm.apply(c.x(0), c.x(1), c.x(2))),
            entry("ones", c -> Torch.ones(c.ints("size"), Options.dtype(c.dtype()))),
            entry("zeros_rg", c -> Torch.zeros(c.ints("size"), Options.requiresGrad())));

    /** Runs the golden's op on fresh inputs built from it. */
    public static Tensor run(JsonObject golden, List<Tensor> inputs) {
        String key = golden.get("op").getAsString();
        JsonObject args = golden.getAsJsonObject("args");
        var special = SPECIAL.get(key);
        if (special != null) return special.apply(new Call(inputs, args));
        String call = OpRows.CALLS.get(key);
        if (call == null) throw new IllegalArgumentException("no row in ops.txt for op " + key);
        return OpRows.invoke(call, inputs, args);
    }

    public static List<Tensor> inputs(JsonObject golden) {
        return golden.getAsJsonArray("inputs").asList().stream().map(e -> Goldens.tensor(e.getAsJsonObject())).toList();
    }
}
