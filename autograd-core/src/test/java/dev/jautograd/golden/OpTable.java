package dev.jautograd.golden;

import static java.util.Map.entry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.ops.Addmm;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Java side of golden_common.OPS, one line per key, in the same order: how each op key of the
 * goldens is called on the inputs {@code c.x(i)} with the case's scalar arguments.
 */
public final class OpTable {
    private OpTable() {}

    /** One golden call: its input tensors and its scalar arguments. */
    public record Call(List<Tensor> inputs, JsonObject args) {
        public Tensor x(int i) { return inputs.get(i); }

        /** The Python number {@code s}; integral values stay ints as Python's {@code 2} would. */
        public double s() { return num("s"); }

        public double num(String name) { return args.get(name).getAsDouble(); }

        /** An optional bound: null for Python's None. */
        public Double opt(String name) {
            JsonElement e = args.get(name);
            return e == null || e.isJsonNull() ? null : e.getAsDouble();
        }

        public int i(String name) { return args.get(name).getAsInt(); }

        public int[] ints(String name) { return Goldens.ints(args.getAsJsonArray(name)); }

        public boolean flag(String name) { return args.get(name).getAsBoolean(); }

        public DType dtype() { return Goldens.dtype(args.get("dtype").getAsString()); }

        /** Whether argument {@code name} was a Python int (written without a point or exponent). */
        public boolean isInt(String name) { return args.get(name).getAsString().matches("-?\\d+"); }
    }

    public static final Map<String, Function<Call, Tensor>> OPS = Map.ofEntries(
            // arithmetic, tensor and Python-number forms
            entry("add", c -> c.x(0).add(c.x(1))),
            entry("add_scalar", c -> c.x(0).add(c.s())),
            entry("add_alpha", c -> c.x(0).add(c.x(1), c.num("alpha"))),
            entry("sub", c -> c.x(0).sub(c.x(1))),
            entry("sub_scalar", c -> c.x(0).sub(c.s())),
            entry("rsub", c -> c.x(0).rsub(c.x(1))),
            entry("rsub_scalar", c -> c.x(0).rsub(c.s())),
            entry("mul", c -> c.x(0).mul(c.x(1))),
            entry("mul_scalar", c -> c.x(0).mul(c.s())),
            entry("div", c -> c.x(0).div(c.x(1))),
            entry("div_scalar", c -> c.x(0).div(c.s())),
            entry("rdiv_scalar", c -> c.x(0).rdiv(c.s())),
            entry("neg", c -> c.x(0).neg()),
            entry("pow", c -> c.x(0).pow(c.x(1))),
            entry("pow_scalar", c -> c.x(0).pow(c.s())),
            // Python's `s ** x` wraps s as a 0-dim tensor (PowBackward1); Torch.pow(s, x) is torch.pow (PowBackward2, fidelity.json)
            entry("rpow_scalar", c -> dev.jautograd.ops.Graph.scalar(c.s(), c.x(0)).pow(c.x(0))),
            // pointwise functions
            entry("exp", c -> c.x(0).exp()),
            entry("log", c -> c.x(0).log()),
            entry("sqrt", c -> c.x(0).sqrt()),
            entry("abs", c -> c.x(0).abs()),
            entry("sign", c -> c.x(0).sign()),
            entry("sin", c -> c.x(0).sin()),
            entry("cos", c -> c.x(0).cos()),
            entry("tanh", c -> c.x(0).tanh()),
            entry("sigmoid", c -> c.x(0).sigmoid()),
            entry("relu", c -> c.x(0).relu()),
            entry("clamp", c -> c.x(0).clamp(c.opt("min"), c.opt("max"))),
            entry("clamp_min", c -> c.x(0).clampMin(c.num("min"))),
            entry("clamp_max", c -> c.x(0).clampMax(c.num("max"))),
            entry("where", c -> Torch.where(c.x(0), c.x(1), c.x(2))),
            // reductions
            entry("sum", c -> c.x(0).sum()),
            entry("sum_dim", c -> c.x(0).sum(c.i("dim"), c.flag("keepdim"))),
            entry("sum_dims", c -> c.x(0).sum(c.ints("dims"), c.flag("keepdim"))),
            entry("mean", c -> c.x(0).mean()),
            entry("mean_dim", c -> c.x(0).mean(c.i("dim"), c.flag("keepdim"))),
            entry("mean_dims", c -> c.x(0).mean(c.ints("dims"), c.flag("keepdim"))),
            entry("sum_to_size", c -> c.x(0).sumToSize(c.ints("size"))),
            // linear algebra
            entry("matmul", c -> c.x(0).matmul(c.x(1))),
            entry("mm", c -> c.x(0).mm(c.x(1))),
            entry("mv", c -> c.x(0).mv(c.x(1))),
            entry("dot", c -> c.x(0).dot(c.x(1))),
            entry("bmm", c -> c.x(0).bmm(c.x(1))),
            entry("mT_matmul", c -> c.x(0).transpose(-2, -1).matmul(c.x(1))),
            entry("matmul_mT", c -> c.x(0).matmul(c.x(1).transpose(-2, -1))),
            // shape
            entry("t", c -> c.x(0).t()),
            entry("transpose", c -> c.x(0).transpose(c.i("dim0"), c.i("dim1"))),
            entry("permute", c -> c.x(0).permute(c.ints("dims"))),
            entry("view", c -> c.x(0).view(c.ints("shape"))),
            entry("reshape", c -> c.x(0).reshape(c.ints("shape"))),
            entry("flatten", c -> c.x(0).flatten()),
            entry("squeeze", c -> c.x(0).squeeze()),
            entry("squeeze_dim", c -> c.x(0).squeeze(c.i("dim"))),
            entry("unsqueeze", c -> c.x(0).unsqueeze(c.i("dim"))),
            entry("expand", c -> c.x(0).expand(c.ints("sizes"))),
            entry("expand_as", c -> c.x(0).expandAs(c.x(1))),
            entry("contiguous", c -> c.x(0).contiguous()),
            entry("clone", c -> c.x(0).clone()),
            entry("to", c -> c.x(0).to(c.dtype())),
            // views of views
            entry("view_view", c -> c.x(0).view(c.ints("shape")).view(c.ints("shape2"))),
            entry("transpose_reshape", c -> c.x(0).transpose(c.i("dim0"), c.i("dim1")).reshape(c.ints("shape"))),
            entry("permute_contiguous_view", c -> c.x(0).permute(c.ints("dims")).contiguous().view(c.ints("shape"))),
            entry("t_t", c -> c.x(0).t().t()),
            entry("unsqueeze_expand_reshape",
                    c -> c.x(0).unsqueeze(c.i("dim")).expand(c.ints("sizes")).reshape(c.ints("shape"))),
            entry("expand_sum_dim", c -> c.x(0).expand(c.ints("sizes")).sum(c.i("dim"), c.flag("keepdim"))),
            entry("squeeze_unsqueeze", c -> c.x(0).squeeze().unsqueeze(c.i("dim"))),
            entry("transpose_mul", c -> c.x(0).transpose(0, 1).mul(c.x(1))),
            entry("transpose_exp", c -> c.x(0).transpose(0, 1).exp()),
            entry("transpose_mul_scalar", c -> c.x(0).transpose(0, 1).mul(c.s())),
            entry("add_transposed", c -> c.x(0).add(c.x(1).transpose(0, 1))),
            entry("transposed_add_transposed", c -> c.x(0).transpose(0, 1).add(c.x(1).transpose(0, 1))),
            entry("permute_sigmoid", c -> c.x(0).permute(c.ints("dims")).sigmoid()),
            entry("permute_gt", c -> c.x(0).permute(c.ints("dims")).gt(0)),
            entry("t_view", c -> c.x(0).t().view(c.ints("shape"))),
            entry("item", c -> Torch.tensor(c.x(0).item())),
            // nn.functional and friends
            entry("softmax", c -> c.x(0).softmax(c.i("dim"))),
            entry("log_softmax", c -> c.x(0).logSoftmax(c.i("dim"))),
            entry("max", c -> c.x(0).max()),
            entry("argmax", c -> c.x(0).argmax()),
            entry("argmax_dim", c -> c.x(0).argmax(c.i("dim"), c.flag("keepdim"))),
            entry("addmm", c -> Addmm.apply(c.x(0), c.x(1), c.x(2))),
            entry("linear", c -> Functional.linear(c.x(0), c.x(1), c.x(2))),
            entry("linear_nobias", c -> Functional.linear(c.x(0), c.x(1), null)),
            entry("nll_loss", c -> Functional.nllLoss(c.x(0), c.x(1))),
            entry("cross_entropy", c -> Functional.crossEntropy(c.x(0), c.x(1))),
            entry("mse_loss", c -> Functional.mseLoss(c.x(0), c.x(1))),
            // factories (no inputs)
            entry("zeros", c -> Torch.zeros(c.ints("size"))),
            entry("ones", c -> Torch.ones(c.ints("size"), Options.dtype(c.dtype()))),
            entry("full", c -> c.isInt("s") ? Torch.full(c.ints("size"), (long) c.s()) : Torch.full(c.ints("size"), c.s())),
            entry("eye", c -> Torch.eye(c.i("n"), c.i("m"))),
            entry("arange", c -> c.isInt("start") && c.isInt("end") && c.isInt("step")
                    ? Torch.arange(c.i("start"), c.i("end"), c.i("step"))
                    : Torch.arange(c.num("start"), c.num("end"), c.num("step"))),
            entry("linspace", c -> Torch.linspace(c.num("start"), c.num("end"), c.i("steps"))),
            entry("zeros_rg", c -> Torch.zeros(c.ints("size"), Options.requiresGrad())),
            entry("zeros_like", c -> Torch.zerosLike(c.x(0))),
            entry("ones_like", c -> Torch.onesLike(c.x(0))),
            entry("full_like", c -> Torch.fullLike(c.x(0), c.s())),
            // comparisons and logic
            entry("eq", c -> c.x(0).eq(c.x(1))),
            entry("ne", c -> c.x(0).ne(c.x(1))),
            entry("gt", c -> c.x(0).gt(c.x(1))),
            entry("ge", c -> c.x(0).ge(c.x(1))),
            entry("lt", c -> c.x(0).lt(c.x(1))),
            entry("le", c -> c.x(0).le(c.x(1))),
            entry("eq_scalar", c -> c.x(0).eq(c.s())),
            entry("gt_scalar", c -> c.x(0).gt(c.s())),
            entry("le_scalar", c -> c.x(0).le(c.s())),
            entry("logical_and", c -> c.x(0).logicalAnd(c.x(1))),
            entry("logical_or", c -> c.x(0).logicalOr(c.x(1))),
            entry("logical_not", c -> c.x(0).logicalNot()),
            // in place, on a fresh clone so the leaf itself is not written
            entry("add_", c -> c.x(0).clone().add_(c.x(1))),
            entry("add_scalar_", c -> c.x(0).clone().add_(c.s())),
            entry("sub_", c -> c.x(0).clone().sub_(c.x(1))),
            entry("sub_scalar_", c -> c.x(0).clone().sub_(c.s())),
            entry("mul_", c -> c.x(0).clone().mul_(c.x(1))),
            entry("mul_scalar_", c -> c.x(0).clone().mul_(c.s())),
            entry("div_", c -> c.x(0).clone().div_(c.x(1))),
            entry("div_scalar_", c -> c.x(0).clone().div_(c.s())),
            entry("zero_", c -> c.x(0).clone().zero_()),
            entry("fill_", c -> c.x(0).clone().fill_(c.s())),
            entry("copy_", c -> c.x(0).clone().copy_(c.x(1))),
            entry("clamp_", c -> c.x(0).clone().clamp_(c.opt("min"), c.opt("max"))),
            entry("relu_", c -> c.x(0).clone().relu_()),
            // in place on tensors that need no grad (no clone: the input itself is the result)
            entry("add_nograd_", c -> c.x(0).add_(c.x(1))),
            entry("mul_scalar_nograd_", c -> c.x(0).mul_(c.s())));

    /** Runs the golden's op on fresh inputs built from it. */
    public static Tensor run(JsonObject golden, List<Tensor> inputs) {
        var op = OPS.get(golden.get("op").getAsString());
        if (op == null) throw new IllegalArgumentException("no Java entry for op " + golden.get("op"));
        return op.apply(new Call(inputs, golden.getAsJsonObject("args")));
    }

    public static List<Tensor> inputs(JsonObject golden) {
        return golden.getAsJsonArray("inputs").asList().stream().map(e -> Goldens.tensor(e.getAsJsonObject())).toList();
    }
}
