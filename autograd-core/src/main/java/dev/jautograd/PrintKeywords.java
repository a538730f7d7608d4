package dev.jautograd;

import dev.jautograd.print.PrintOptions;

/**
 * The keyword arguments of {@code torch.set_printoptions}, chained:
 * {@code setPrintOptions(precision(2).sciMode(false))}. As in PyTorch, the profile is applied
 * first and the other keywords over it; an unset number keeps its value, an unset sci mode is
 * automatic.
 */
public final class PrintKeywords {
    static final PrintKeywords NONE = new PrintKeywords(null, null, null, null, null, null);

    private final Integer precision;
    private final Integer threshold;
    private final Integer edgeItems;
    private final Integer lineWidth;
    private final Boolean sciMode;
    private final String profile;

    private PrintKeywords(Integer precision, Integer threshold, Integer edgeItems, Integer lineWidth, Boolean sciMode,
            String profile) {
        this.precision = precision;
        this.threshold = threshold;
        this.edgeItems = edgeItems;
        this.lineWidth = lineWidth;
        this.sciMode = sciMode;
        this.profile = profile;
    }

    public PrintKeywords precision(int digits) {
        return new PrintKeywords(digits, threshold, edgeItems, lineWidth, sciMode, profile);
    }

    public PrintKeywords threshold(int elements) {
        return new PrintKeywords(precision, elements, edgeItems, lineWidth, sciMode, profile);
    }

    public PrintKeywords edgeItems(int items) {
        return new PrintKeywords(precision, threshold, items, lineWidth, sciMode, profile);
    }

    public PrintKeywords lineWidth(int characters) {
        return new PrintKeywords(precision, threshold, edgeItems, characters, sciMode, profile);
    }

    public PrintKeywords sciMode(boolean scientific) {
        return new PrintKeywords(precision, threshold, edgeItems, lineWidth, scientific, profile);
    }

    public PrintKeywords profile(String name) {
        return new PrintKeywords(precision, threshold, edgeItems, lineWidth, sciMode, name);
    }

    void apply() {
        if (profile != null) PrintOptions.setProfile(profile);
        PrintOptions.set(precision, threshold, edgeItems, lineWidth, sciMode);
    }
}
