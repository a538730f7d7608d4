package dev.jautograd.viz;

/** What a box in the graph stands for; each kind has its own colour. */
public enum NodeKind {
    /** A tensor the graph was drawn for (torchviz's green box). */
    OUTPUT,
    /** A backward function such as {@code MulBackward0}. */
    BACKWARD,
    /** The node that adds a leaf's gradient into its {@code .grad}. */
    ACCUMULATE_GRAD,
    /** A leaf tensor that requires grad ({@code AccumulateGrad.variable()}; torchviz's blue box). */
    LEAF,
    /** A tensor a backward function saved for its formula (torchviz's orange box). */
    SAVED;

    public boolean isTensor() {
        return this == OUTPUT || this == LEAF || this == SAVED;
    }

    /** The CSS class suffix and DOT colour key. */
    String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
