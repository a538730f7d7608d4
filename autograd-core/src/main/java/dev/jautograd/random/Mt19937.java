package dev.jautograd.random;

/**
 * The 32-bit Mersenne Twister exactly as ATen's {@code at::mt19937_engine} runs it
 * (aten/src/ATen/core/MT19937RNGEngine.h): Matsumoto and Nishimura's reference
 * init_genrand seeding from the low 32 bits of the 64-bit seed, and the state
 * regenerated lazily, all 624 words at once, when the previous block is used up.
 *
 * <p>Words are Java {@code int}s holding the unsigned 32-bit values; callers widen
 * with {@link Integer#toUnsignedLong(int)} where the sign matters.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int left;
    private int next;

    Mt19937(long seed) {
        seed(seed);
    }

    /** ATen keeps the full 64-bit seed for initial_seed() but seeds the twister with its low word only. */
    void seed(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int previous = state[j - 1];
            state[j] = 1812433253 * (previous ^ (previous >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** One tempered 32-bit output, as {@code CPUGeneratorImpl::random()}. */
    int nextInt() {
        if (--left == 0) {
            regenerate();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code CPUGeneratorImpl::random64()}: the first draw is the high word. */
    long nextLong() {
        long high = Integer.toUnsignedLong(nextInt());
        long low = Integer.toUnsignedLong(nextInt());
        return (high << 32) | low;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            int twisted = (y >>> 1) ^ ((state[(k + 1) % N] & 1) != 0 ? MATRIX_A : 0);
            state[k] = state[(k + M) % N] ^ twisted;
        }
        left = N;
        next = 0;
    }
}
