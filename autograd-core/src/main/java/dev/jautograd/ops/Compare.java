package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.loops.Elementwise;
import java.util.function.DoubleBinaryOperator;

/** Comparisons and logic: bool results that carry no gradient, so they record nothing. */
public final class Compare {
    private Compare() {}

    public static Tensor eq(Tensor a, Tensor b) { return test(a, b, (x, y) -> x == y ? 1 : 0); }

    public static Tensor ne(Tensor a, Tensor b) { return test(a, b, (x, y) -> x != y ? 1 : 0); }

    public static Tensor gt(Tensor a, Tensor b) { return test(a, b, (x, y) -> x > y ? 1 : 0); }

    public static Tensor ge(Tensor a, Tensor b) { return test(a, b, (x, y) -> x >= y ? 1 : 0); }

    public static Tensor lt(Tensor a, Tensor b) { return test(a, b, (x, y) -> x < y ? 1 : 0); }

    public static Tensor le(Tensor a, Tensor b) { return test(a, b, (x, y) -> x <= y ? 1 : 0); }

    public static Tensor and(Tensor a, Tensor b) { return test(a, b, (x, y) -> x != 0 && y != 0 ? 1 : 0); }

    public static Tensor or(Tensor a, Tensor b) { return test(a, b, (x, y) -> x != 0 || y != 0 ? 1 : 0); }

    public static Tensor not(Tensor a) {
        return Elementwise.map(a, DType.BOOL, x -> x == 0 ? 1 : 0);
    }


    private static Tensor test(Tensor a, Tensor b, DoubleBinaryOperator predicate) {
        return Elementwise.zip(a, b, DType.BOOL, predicate);
    }
}
