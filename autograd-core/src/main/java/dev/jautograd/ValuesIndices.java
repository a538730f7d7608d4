package dev.jautograd;

/**
 * What {@code max(dim)} and {@code min(dim)} return: PyTorch's {@code torch.return_types.max}
 * named tuple, with {@code values()} and {@code indices()} and the same printed form.
 */
public record ValuesIndices(String kind, Tensor values, Tensor indices) {
    @Override
    public String toString() {
        return "torch.return_types." + kind + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
