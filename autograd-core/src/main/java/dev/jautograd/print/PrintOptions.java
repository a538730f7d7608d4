package dev.jautograd.print;

import java.util.Optional;

/**
 * Process-wide print options, like {@code torch.set_printoptions}. Instances are immutable snapshots;
 * {@link #set} and {@link #setProfile} replace the current one.
 *
 * <p>As in PyTorch, a null precision, threshold, edge items or line width leaves that option as it is,
 * while {@code sciMode} is always assigned: {@code set_printoptions(precision=2)} also resets
 * {@code sci_mode} to automatic, because its {@code sci_mode} argument defaults to {@code None}.
 */
public final class PrintOptions {

    private static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

    private static volatile PrintOptions current = DEFAULT;

    private final int precision;
    private final double threshold;
    private final int edgeItems;
    private final int lineWidth;
    private final Boolean sciMode;

    private PrintOptions(int precision, double threshold, int edgeItems, int lineWidth, Boolean sciMode) {
        this.precision = precision;
        this.threshold = threshold;
        this.edgeItems = edgeItems;
        this.lineWidth = lineWidth;
        this.sciMode = sciMode;
    }

    public static PrintOptions current() {
        return current;
    }

    /** Like {@code torch.set_printoptions(...)}: a null number leaves that option; a null sciMode means automatic. */
    public static synchronized void set(Integer precision, Integer threshold, Integer edgeItems,
                                        Integer lineWidth, Boolean sciMode) {
        var old = current;
        // PyTorch accepts negative values here and fails or misprints later; reject them up front.
        if (precision != null && precision < 0) {
            throw new IllegalArgumentException("precision must be non-negative, got " + precision);
        }
        if (edgeItems != null && edgeItems < 0) {
            throw new IllegalArgumentException("edgeItems must be non-negative, got " + edgeItems);
        }
        current = new PrintOptions(
                precision != null ? precision : old.precision,
                threshold != null ? threshold : old.threshold,
                edgeItems != null ? edgeItems : old.edgeItems,
                lineWidth != null ? lineWidth : old.lineWidth,
                sciMode);
    }

    /** Back to PyTorch's automatic choice between fixed and scientific notation ({@code sci_mode=None}). */
    public static synchronized void resetSciMode() {
        var old = current;
        current = new PrintOptions(old.precision, old.threshold, old.edgeItems, old.lineWidth, null);
    }

    /**
     * Like {@code torch.set_printoptions(profile=...)}: "default", "short" (precision 2, edge items 2) or
     * "full" (never summarise). As in PyTorch, sci mode goes back to automatic, and an unknown name changes
     * nothing else.
     */
    public static synchronized void setProfile(String profile) {
        var old = current;
        current = switch (profile) {
            case "default" -> DEFAULT;
            case "short" -> new PrintOptions(2, 1000, 2, 80, null);
            case "full" -> new PrintOptions(4, Double.POSITIVE_INFINITY, 3, 80, null);
            default -> new PrintOptions(old.precision, old.threshold, old.edgeItems, old.lineWidth, null);
        };
    }

    /** Digits after the decimal point (default 4). */
    public int precision() {
        return precision;
    }

    /** Tensors with more elements than this are summarised (default 1000; infinite for "full"). */
    public double threshold() {
        return threshold;
    }

    /** Items kept at each end of a summarised dimension (default 3). */
    public int edgeItems() {
        return edgeItems;
    }

    /** Characters per line before wrapping (default 80). */
    public int lineWidth() {
        return lineWidth;
    }

    /** Forced scientific (true) or fixed (false) notation; empty means PyTorch chooses. */
    public Optional<Boolean> sciMode() {
        return Optional.ofNullable(sciMode);
    }

    @Override
    public String toString() {
        return "PrintOptions[precision=" + precision + ", threshold=" + threshold + ", edgeItems=" + edgeItems
                + ", lineWidth=" + lineWidth + ", sciMode=" + sciMode + "]";
    }
}
