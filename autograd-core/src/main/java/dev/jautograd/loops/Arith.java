package dev.jautograd.loops;

import java.util.function.DoubleBinaryOperator;

/**
 * The four float arithmetic ops, named so the dense float32 loops can give each its own loop
 * (a loop calling a lambda that many ops share is megamorphic: the JIT can neither inline nor
 * vectorise it). As a {@link DoubleBinaryOperator} it is the plain path's definition.
 *
 * <p>Computing in float directly is exactly the plain path's double-then-round: for +, -, *, /
 * double carries more than 2·24+2 bits, so rounding twice equals rounding once.
 */
public enum Arith implements DoubleBinaryOperator {
    ADD { @Override public double applyAsDouble(double x, double y) { return x + y; } },
    SUB { @Override public double applyAsDouble(double x, double y) { return x - y; } },
    MUL { @Override public double applyAsDouble(double x, double y) { return x * y; } },
    DIV { @Override public double applyAsDouble(double x, double y) { return x / y; } };

    /** r[or+i] = x[ox+i] op y[oy+i] for i in [0, len). */
    void dense(float[] x, int ox, float[] y, int oy, float[] r, int or, int len) {
        if (ox == or && oy == or) {
            aligned(x, y, r, or, or + len);
            return;
        }
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] + y[oy + i]; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] - y[oy + i]; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] * y[oy + i]; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] / y[oy + i]; }
        }
    }

    /**
     * r[i] = x[i] op y[i] for i in [from, to): {@link #dense} when all three offsets are equal (a
     * fresh result of dense operands, an in-place update). C2 vectorises a loop only in this form:
     * with an offset per array it cannot rule out that r overlaps x or y a few elements apart, and
     * leaves the loop scalar (200 704 floats: 64-88 us against 26-29 us, JDK 17 and 25, measured).
     */
    void aligned(float[] x, float[] y, float[] r, int from, int to) {
        switch (this) {
            case ADD -> { for (int i = from; i < to; i++) r[i] = x[i] + y[i]; }
            case SUB -> { for (int i = from; i < to; i++) r[i] = x[i] - y[i]; }
            case MUL -> { for (int i = from; i < to; i++) r[i] = x[i] * y[i]; }
            case DIV -> { for (int i = from; i < to; i++) r[i] = x[i] / y[i]; }
        }
    }

    /** r[or+i] = x[ox+i·sx] op y[oy+i·sy]: one row of a strided or broadcast (stride 0) pair. */
    void strided(float[] x, int ox, int sx, float[] y, int oy, int sy, float[] r, int or, int len) {
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i * sx] + y[oy + i * sy]; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i * sx] - y[oy + i * sy]; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i * sx] * y[oy + i * sy]; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i * sx] / y[oy + i * sy]; }
        }
    }

    /** r[or+i] = x[ox+i] op s. */
    void scalarRight(float[] x, int ox, float s, float[] r, int or, int len) {
        if (ox == or) {
            alignedRight(x, s, r, or, or + len);
            return;
        }
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] + s; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] - s; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] * s; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] / s; }
        }
    }

    /** r[i] = x[i] op s for i in [from, to): {@link #scalarRight} with one offset (see {@link #aligned}). */
    private void alignedRight(float[] x, float s, float[] r, int from, int to) {
        switch (this) {
            case ADD -> { for (int i = from; i < to; i++) r[i] = x[i] + s; }
            case SUB -> { for (int i = from; i < to; i++) r[i] = x[i] - s; }
            case MUL -> { for (int i = from; i < to; i++) r[i] = x[i] * s; }
            case DIV -> { for (int i = from; i < to; i++) r[i] = x[i] / s; }
        }
    }

    /** r[or+i] = s op y[oy+i]. */
    void scalarLeft(float s, float[] y, int oy, float[] r, int or, int len) {
        if (oy == or) {
            alignedLeft(s, y, r, or, or + len);
            return;
        }
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = s + y[oy + i]; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = s - y[oy + i]; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = s * y[oy + i]; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = s / y[oy + i]; }
        }
    }

    /** r[i] = s op y[i] for i in [from, to): {@link #scalarLeft} with one offset (see {@link #aligned}). */
    private void alignedLeft(float s, float[] y, float[] r, int from, int to) {
        switch (this) {
            case ADD -> { for (int i = from; i < to; i++) r[i] = s + y[i]; }
            case SUB -> { for (int i = from; i < to; i++) r[i] = s - y[i]; }
            case MUL -> { for (int i = from; i < to; i++) r[i] = s * y[i]; }
            case DIV -> { for (int i = from; i < to; i++) r[i] = s / y[i]; }
        }
    }
}
