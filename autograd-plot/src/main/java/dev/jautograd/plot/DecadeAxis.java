package dev.jautograd.plot;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis that stays readable when it spans about a decade or less. Its ticks are the
 * powers of ten, drawn 10ⁿ, as matplotlib's; but a training loss falling from 0.7 to 0.07 shows
 * one of them, and nothing to read the curve by. So when fewer than two powers of ten are in view
 * it also labels 2 and 5 times each (2×10⁻¹, 5×10⁻², as matplotlib writes its minor labels), and
 * every multiple from 2 to 9 when even that leaves fewer than two labels.
 */
final class DecadeAxis extends LogAxis {
    private static final int[] STEPS = {2, 5};
    private static final int[] ALL_STEPS = {2, 3, 4, 5, 6, 7, 8, 9};

    DecadeAxis(String label) {
        super(label);
        setSmallestValue(1e-300);
        setBase(10);
        setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // units of the exponent: whole powers of ten
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return withSteps(super.refreshTicksVertical(g2, dataArea, edge),
                edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return withSteps(super.refreshTicksHorizontal(g2, dataArea, edge),
                edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List withSteps(List ticks, TextAnchor anchor) {
        long labelled = ((List<ValueTick>) ticks).stream().filter(t -> t.getTickType() == TickType.MAJOR).count();
        if (labelled >= 2) {
            return ticks;
        }
        List result = new ArrayList(ticks);
        List<LogTick> steps = steps(STEPS, anchor);
        if (labelled + steps.size() < 2) {
            steps = steps(ALL_STEPS, anchor);
        }
        result.addAll(steps);
        return result;
    }

    /** Ticks at c·10ⁿ for each multiple c, over every decade the range touches. */
    private List<LogTick> steps(int[] multiples, TextAnchor anchor) {
        Range range = getRange();
        var ticks = new ArrayList<LogTick>();
        int first = (int) Math.floor(Math.log10(Math.max(getSmallestValue(), range.getLowerBound())));
        int last = (int) Math.ceil(Math.log10(range.getUpperBound()));
        for (int exponent = first; exponent <= last; exponent++) {
            for (int multiple : multiples) {
                double value = multiple * Math.pow(10, exponent);
                if (range.contains(value)) {
                    ticks.add(new LogTick(TickType.MAJOR, value, label(multiple, exponent), anchor));
                }
            }
        }
        return ticks;
    }

    /** "c×10ⁿ", the exponent raised as the powers of ten's labels are. */
    private AttributedString label(int multiple, int exponent) {
        String base = multiple + "×10", power = Integer.toString(exponent);
        var text = new AttributedString(base + power);
        text.addAttributes(getTickLabelFont().getAttributes(), 0, base.length() + power.length());
        text.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, base.length(), base.length() + power.length());
        return text;
    }
}
