package dev.jautograd.golden;

import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The Java side of gen_indexing.py's OPS, row for row: {@code x} the inputs, {@code a} the arguments. */
final class IndexingTable {
    private IndexingTable() {}

    private static final Map<String, BiFunction<List<Tensor>, JsonObject, Tensor>> OPS = Map.ofEntries(
            Map.entry("select", (x, a) -> x.get(0).select(i(a, "dim"), i(a, "index"))),
            Map.entry("getitem_int", (x, a) -> x.get(0).select(0, i(a, "index"))),
            Map.entry("slice", (x, a) -> x.get(0).slice(i(a, "dim"), opt(a, "start"), opt(a, "end"), i(a, "step"))),
            Map.entry("narrow", (x, a) -> x.get(0).narrow(i(a, "dim"), i(a, "start"), i(a, "length"))),
            Map.entry("split", (x, a) -> x.get(0).split(i(a, "size"), i(a, "dim")).get(i(a, "i"))),
            Map.entry("split_sizes", (x, a) -> x.get(0).split(ints(a, "sizes"), i(a, "dim")).get(i(a, "i"))),
            Map.entry("chunk", (x, a) -> x.get(0).chunk(i(a, "chunks"), i(a, "dim")).get(i(a, "i"))),
            Map.entry("chunk_count", (x, a) -> Torch.tensor(new long[] {x.get(0).chunk(i(a, "chunks"),
                    i(a, "dim")).size()}).reshape()),
            Map.entry("index_select", (x, a) -> x.get(0).indexSelect(i(a, "dim"), x.get(1))),
            Map.entry("gather", (x, a) -> x.get(0).gather(i(a, "dim"), x.get(1))),
            Map.entry("index", (x, a) -> x.get(0).index(x.get(1))),
            Map.entry("index2", (x, a) -> x.get(0).index(x.get(1), x.get(2))),
            Map.entry("masked_select", (x, a) -> x.get(0).maskedSelect(x.get(1))),
            Map.entry("masked_fill", (x, a) -> x.get(0).maskedFill(x.get(1), d(a, "s"))),
            Map.entry("masked_fill_", (x, a) -> x.get(0).mul(1).maskedFill_(x.get(1), d(a, "s"))),
            Map.entry("where_scalar_other", (x, a) -> Torch.where(x.get(0), x.get(1), d(a, "s"))),
            Map.entry("where_scalar_self", (x, a) -> Torch.where(x.get(0), d(a, "s"), x.get(1))),
            Map.entry("cat", (x, a) -> Torch.cat(x, i(a, "dim"))),
            Map.entry("stack", (x, a) -> Torch.stack(x, i(a, "dim"))),
            Map.entry("max_dim_values", (x, a) -> x.get(0).max(i(a, "dim"), b(a, "keepdim")).values()),
            Map.entry("max_dim_indices", (x, a) -> x.get(0).max(i(a, "dim"), b(a, "keepdim")).indices()),
            Map.entry("min_dim_values", (x, a) -> Torch.min(x.get(0), i(a, "dim"), b(a, "keepdim")).values()),
            Map.entry("min_dim_indices", (x, a) -> Torch.min(x.get(0), i(a, "dim"), b(a, "keepdim")).indices()),
            Map.entry("min", (x, a) -> x.get(0).min()),
            Map.entry("argmin", (x, a) -> x.get(0).argmin()),
            Map.entry("argmin_dim", (x, a) -> x.get(0).argmin(i(a, "dim"), b(a, "keepdim"))),
            Map.entry("prod", (x, a) -> x.get(0).prod()),
            Map.entry("prod_dim", (x, a) -> x.get(0).prod(i(a, "dim"), b(a, "keepdim"))),
            Map.entry("norm", (x, a) -> x.get(0).norm()),
            Map.entry("norm_p", (x, a) -> x.get(0).norm(d(a, "p"))),
            Map.entry("norm_dim", (x, a) -> x.get(0).norm(d(a, "p"), i(a, "dim"), b(a, "keepdim"))),
            Map.entry("std", (x, a) -> x.get(0).std()),
            Map.entry("std_unbiased", (x, a) -> x.get(0).std(b(a, "unbiased"))),
            Map.entry("std_dim", (x, a) -> x.get(0).std(i(a, "dim"), b(a, "unbiased"), b(a, "keepdim"))),
            Map.entry("var", (x, a) -> x.get(0).var()),
            Map.entry("var_dim", (x, a) -> x.get(0).var(i(a, "dim"), b(a, "unbiased"), b(a, "keepdim"))),
            Map.entry("logsumexp", (x, a) -> x.get(0).logsumexp(i(a, "dim"), b(a, "keepdim"))),
            Map.entry("one_hot", (x, a) -> Torch.oneHot(x.get(0), i(a, "n"))),
            Map.entry("functional_sum_dim", (x, a) -> Torch.sum(x.get(0), i(a, "dim"))),
            Map.entry("functional_mean_dim", (x, a) -> Torch.mean(x.get(0), i(a, "dim"), b(a, "keepdim"))),
            Map.entry("functional_softmax", (x, a) -> Torch.softmax(x.get(0), i(a, "dim"))),
            Map.entry("functional_max_values", (x, a) -> Torch.max(x.get(0), i(a, "dim")).values()),
            Map.entry("setitem_element", (x, a) -> x.get(0).mul(1).set(d(a, "s"), ints(a, "index"))),
            Map.entry("setitem_slice", (x, a) -> {
                Tensor y = x.get(0).mul(1);
                y.slice(0, i(a, "start"), i(a, "end")).fill_(d(a, "s"));
                return y;
            }),
            Map.entry("setitem_mask", (x, a) -> x.get(0).mul(1).indexPut_(x.get(0).gt(d(a, "t")), d(a, "s"))),
            Map.entry("setitem_tensor_row", (x, a) -> {
                Tensor y = Torch.zeros(x.get(0).shape());
                y.select(0, i(a, "index")).copy_(x.get(1));
                return y;
            }),
            Map.entry("setitem_tensor_element", (x, a) -> x.get(0).mul(1).set(x.get(1), ints(a, "index"))),
            Map.entry("setitem_mask_tensor", (x, a) -> x.get(0).mul(1).indexPut_(x.get(1), x.get(2))),
            Map.entry("inplace_on_view", IndexingTable::inplaceOnView),
            Map.entry("view_after_inplace", (x, a) -> {
                Tensor y = x.get(0).clone();
                Tensor v = y.select(0, i(a, "index"));
                y.mul_(2);
                return v;
            }));

    private static Tensor inplaceOnView(List<Tensor> x, JsonObject a) {
        Tensor y = x.get(0).mul(1);
        Tensor v = y.select(i(a, "dim"), i(a, "index"));
        boolean tensor = a.has("tensor") && b(a, "tensor");
        double s = tensor ? 0 : d(a, "s");
        switch (a.get("method").getAsString()) {
            case "mul_" -> { if (tensor) v.mul_(x.get(1)); else v.mul_(s); }
            case "add_" -> { if (tensor) v.add_(x.get(1)); else v.add_(s); }
            case "sub_" -> { if (tensor) v.sub_(x.get(1)); else v.sub_(s); }
            case "div_" -> { if (tensor) v.div_(x.get(1)); else v.div_(s); }
            case "fill_" -> v.fill_(s);
            case "clamp_" -> v.clamp_(s, null);
            default -> throw new IllegalArgumentException(a.get("method").getAsString());
        }
        return y;
    }

    static Tensor run(JsonObject golden, List<Tensor> inputs) {
        String op = golden.get("op").getAsString();
        var fn = OPS.get(op);
        if (fn == null) throw new IllegalArgumentException("no Java row for " + op);
        return fn.apply(inputs, golden.getAsJsonObject("args"));
    }

    private static int i(JsonObject a, String key) {
        return a.get(key).getAsInt();
    }

    private static Integer opt(JsonObject a, String key) {
        return a.get(key) == null || a.get(key).isJsonNull() ? null : a.get(key).getAsInt();
    }

    private static double d(JsonObject a, String key) {
        return a.get(key).getAsDouble();
    }

    private static boolean b(JsonObject a, String key) {
        return a.get(key).getAsBoolean();
    }

    private static int[] ints(JsonObject a, String key) {
        return Goldens.ints(a.getAsJsonArray(key));
    }
}
