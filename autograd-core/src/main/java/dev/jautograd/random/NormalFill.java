package dev.jautograd.random;

/**
 * ATen's vectorisable normal path for 16 or more contiguous elements
 * ({@code normal_fill} in aten/src/ATen/native/cpu/DistributionTemplates.h): fill the
 * whole buffer with uniforms, then turn each block of 16 into normals, pairing slot j
 * (radius from u1 = 1 - u[j]) with slot j + 8 (angle from u2 = u[j + 8]) and writing
 * r*cos to slot j and r*sin to slot j + 8. When the size is not a multiple of 16 the
 * last 16 slots are refilled with fresh uniforms and transformed again, overwriting
 * normals already produced there. This path never touches the cached Box-Muller value.
 */
final class NormalFill {
    static final int BLOCK = 16;
    private static final int HALF = BLOCK / 2;
    /** C++ {@code 2.0f * c10::pi<double>} narrowed to float once, as {@code _mm256_set1_ps} does. */
    private static final float TWO_PI_FLOAT = (float) (2.0 * Math.PI);

    private NormalFill() {
    }

    /** The float kernel of the AVX2 build ({@code normal_fill_AVX2}), which is what runs on any AVX2 CPU. */
    static void fill(float[] data, float mean, float std, Mt19937 engine) {
        int size = data.length;
        for (int i = 0; i < size; i++) {
            data[i] = Uniform.nextFloat(engine);
        }
        for (int start = 0; start + BLOCK <= size; start += BLOCK) {
            transformBlock(data, start, mean, std);
        }
        if (size % BLOCK != 0) {
            int start = size - BLOCK;
            for (int i = start; i < size; i++) {
                data[i] = Uniform.nextFloat(engine);
            }
            transformBlock(data, start, mean, std);
        }
    }

    /** The generic {@code normal_fill<double>}, with glibc's log, cos and sin. */
    static void fill(double[] data, double mean, double std, Mt19937 engine) {
        int size = data.length;
        for (int i = 0; i < size; i++) {
            data[i] = Uniform.nextDouble(engine);
        }
        for (int start = 0; start + BLOCK <= size; start += BLOCK) {
            transformBlock(data, start, mean, std);
        }
        if (size % BLOCK != 0) {
            int start = size - BLOCK;
            for (int i = start; i < size; i++) {
                data[i] = Uniform.nextDouble(engine);
            }
            transformBlock(data, start, mean, std);
        }
    }

    /** {@code normal_fill_16_AVX2}: the products are rounded, then an explicit FMA applies std and mean. */
    private static void transformBlock(float[] data, int start, float mean, float std) {
        for (int j = start; j < start + HALF; j++) {
            float u1 = 1f - data[j];
            float u2 = data[j + HALF];
            float radius = (float) Math.sqrt(-2f * AvxMathFun.log(u1));
            float theta = TWO_PI_FLOAT * u2;
            data[j] = Math.fma(radius * AvxMathFun.cos(theta), std, mean);
            data[j + HALF] = Math.fma(radius * AvxMathFun.sin(theta), std, mean);
        }
    }

    /** {@code normal_fill_16<double>}; the final multiply-add is fused as GCC contracts it in the AVX2 build. */
    private static void transformBlock(double[] data, int start, double mean, double std) {
        for (int j = start; j < start + HALF; j++) {
            double u1 = 1.0 - data[j];
            double u2 = data[j + HALF];
            double radius = Math.sqrt(-2.0 * LibmDouble.log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = Math.fma(radius * LibmDouble.cos(theta), std, mean);
            data[j + HALF] = Math.fma(radius * LibmDouble.sin(theta), std, mean);
        }
    }
}
