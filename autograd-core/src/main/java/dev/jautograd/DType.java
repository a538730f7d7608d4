package dev.jautograd;

/** The element types a tensor can hold, named as PyTorch prints them. */
public enum DType {
    FLOAT32("torch.float32", true),
    FLOAT64("torch.float64", true),
    INT64("torch.int64", false),
    BOOL("torch.bool", false);

    private final String torchName;
    private final boolean floatingPoint;

    DType(String torchName, boolean floatingPoint) {
        this.torchName = torchName;
        this.floatingPoint = floatingPoint;
    }

    /** The default dtype for floating-point data, as {@code torch.get_default_dtype()}. */
    public static DType defaultFloat() {
        return FLOAT32;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** PyTorch's name, e.g. {@code torch.float32}. */
    @Override
    public String toString() {
        return torchName;
    }

    /** The C++ scalar type name PyTorch uses in many messages: {@code Float}, {@code Double}, {@code Long}, {@code Bool}. */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }

    /** Type promotion between two tensors' dtypes: bool < int64 < float32 < float64. */
    public static DType promote(DType a, DType b) {
        return a.ordinalRank() >= b.ordinalRank() ? a : b;
    }

    private int ordinalRank() {
        return switch (this) {
            case BOOL -> 0;
            case INT64 -> 1;
            case FLOAT32 -> 2;
            case FLOAT64 -> 3;
        };
    }
}
