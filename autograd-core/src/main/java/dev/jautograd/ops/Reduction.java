package dev.jautograd.ops;

import dev.jautograd.Tensor;

/** A loss's {@code reduction} argument: "none", "mean" (the default) or "sum". */
public enum Reduction {
    NONE, MEAN, SUM;

    /** torch.nn._reduction.get_enum, with its message for anything else. */
    public static Reduction of(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException(name + " is not a valid value for reduction");
        };
    }

    /** ATen's apply_loss_reduction: the elementwise loss, its mean, or its sum. */
    Tensor apply(Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
        };
    }

    String pythonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
