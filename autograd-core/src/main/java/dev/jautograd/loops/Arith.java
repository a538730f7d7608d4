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
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] + y[oy + i]; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] - y[oy + i]; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] * y[oy + i]; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] / y[oy + i]; }
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
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] + s; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] - s; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] * s; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = x[ox + i] / s; }
        }
    }

    /** r[or+i] = s op y[oy+i]. */
    void scalarLeft(float s, float[] y, int oy, float[] r, int or, int len) {
        switch (this) {
            case ADD -> { for (int i = 0; i < len; i++) r[or + i] = s + y[oy + i]; }
            case SUB -> { for (int i = 0; i < len; i++) r[or + i] = s - y[oy + i]; }
            case MUL -> { for (int i = 0; i < len; i++) r[or + i] = s * y[oy + i]; }
            case DIV -> { for (int i = 0; i < len; i++) r[or + i] = s / y[oy + i]; }
        }
    }
}
