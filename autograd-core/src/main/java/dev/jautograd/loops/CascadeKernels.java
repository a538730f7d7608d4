package dev.jautograd.loops;

/**
 * The row kernels of {@link CascadeSum} (independent outputs go to separate workers), written for {@code nrows} accumulators of
 * {@code width} lanes each (width 8 stands for one AVX2 vector, 1 for a scalar). The SIMD
 * versions in {@link Vectorized} perform the same float adds in the same order.
 */
final class CascadeKernels {
    private static final int LEVELS = 4;
    private static final int ILP = 4;
    private static final int W = CascadeSum.LANES;

    private CascadeKernels() {}

    /**
     * {@code multi_row_sum}: for k < nrows and lane l, the sum over i < size of
     * x[base + i·rowStride + k·colStride + l], cascaded over four levels.
     */
    static float[] multiRowSum(float[] x, int base, int rowStride, int colStride, int size, int nrows, int width) {
        int power = CascadeSum.levelPower(size), step = 1 << power;
        long mask = step - 1;
        int n = nrows * width;
        float[][] acc = new float[LEVELS][n];
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) addRow(acc[0], x, base + i * rowStride, colStride, nrows, width);
            for (int j = 1; j < LEVELS; j++) {
                for (int k = 0; k < n; k++) {
                    acc[j][k] += acc[j - 1][k];
                    acc[j - 1][k] = 0;
                }
                if ((i & (mask << (j * power))) != 0) break;
            }
        }
        for (; i < size; i++) addRow(acc[0], x, base + i * rowStride, colStride, nrows, width);
        for (int j = 1; j < LEVELS; j++) for (int k = 0; k < n; k++) acc[0][k] += acc[j][k];
        return acc[0];
    }

    private static void addRow(float[] acc, float[] x, int at, int colStride, int nrows, int width) {
        for (int k = 0; k < nrows; k++) {
            for (int l = 0; l < width; l++) acc[k * width + l] += x[at + k * colStride + l];
        }
    }

    /** {@code row_sum}: a row seen as (size/4, 4), four cascaded partial sums, then the tail. */
    static float[] rowSum(float[] x, int base, int stride, int size, int width) {
        int sizeIlp = size / ILP;
        float[] partial = multiRowSum(x, base, stride * ILP, stride, sizeIlp, ILP, width);
        for (int i = sizeIlp * ILP; i < size; i++) {
            for (int l = 0; l < width; l++) partial[l] += x[base + i * stride + l];
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < width; l++) partial[l] += partial[k * width + l];
        }
        return partial;
    }

    static float rowSum(float[] x, int base, int stride, int size) {
        return rowSum(x, base, stride, size, 1)[0];
    }

    /** {@code vectorized_inner_sum}: each of size1 rows is contiguous along the reduced dim. */
    static void innerSum(float[] x, int xb, int rowStride, int size0, int size1, float[] r, int rb, int outStride) {
        if (outStride == 0) { // every row adds into one output (x[:, :k].sum()): rows in parallel, adds in row order
            float[] rows = new float[size1];
            Parallel.forUnits(size1, size0, new InnerRows(x, xb, rowStride, size0, rows, 0, 1));
            for (float row : rows) r[rb] += row;
            return;
        }
        Parallel.forUnits(size1, size0, new InnerRows(x, xb, rowStride, size0, r, rb, outStride));
    }

    /*
     * InnerRows and Lanes are classes, not lambdas, as every sum's first call passes here: a
     * lambda is spun (LambdaMetafactory generating and defining a class, about 1 ms in a fresh
     * JVM) the first time its line runs, unless the class-data archive happens to hold it.
     */

    /** Rows [from, to) of {@link #innerSum}, each added into its output. */
    private record InnerRows(float[] x, int xb, int rowStride, int size0, float[] r, int rb, int outStride)
            implements Parallel.Range {
        @Override
        public void run(int from, int to) {
            for (int j = from; j < to; j++) r[rb + j * outStride] += innerRow(x, xb + j * rowStride, size0);
        }
    }

    /** One row's 8 lane sums into out[0], on either path, or a vector trial on a prefix of it. */
    private record Lanes(float[] x, int row, int vecSize, float[][] out) implements HotPath.Work, HotPath.Trial {
        @Override
        public void run(int from, int to, boolean vector) {
            out[0] = vector ? Vectorized.cascadeLanes(x, row, vecSize) : rowSum(x, row, W, vecSize, W);
        }

        @Override
        public void run(int elements) {
            out[0] = Vectorized.cascadeLanes(x, row, Math.min(vecSize, elements / W));
        }
    }

    /** Gates {@link Vectorized#cascadeLanes} (see {@link HotPath}); a row is summed wholly by one path. */
    private static final HotPath LANES = new HotPath();

    static float innerRow(float[] x, int row, int size0) {
        int vecSize = size0 / W;
        float[] lanes;
        if (!Vectorized.available() || !Loops.fastPaths()) {
            lanes = rowSum(x, row, W, vecSize, W);
        } else if (LANES.hot()) {
            lanes = Vectorized.cascadeLanes(x, row, vecSize);
        } else {
            Lanes work = new Lanes(x, row, vecSize, new float[1][]);
            LANES.run(0, 1, Math.max(1, size0), work, work);
            lanes = work.out[0];
        }
        float total = 0;
        for (int k = vecSize * W; k < size0; k++) total += x[row + k];
        for (int l = 0; l < W; l++) total += lanes[l];
        return total;
    }

    /** {@code vectorized_outer_sum}: the kept dim is contiguous; 32, then 8, then 1 outputs at a time. */
    static void outerSum(float[] x, int xb, int reduceStride, int size0, int size1, float[] r, int rb, int outStride) {
        int blocks = size1 / (ILP * W), j = blocks * ILP * W;
        if (Loops.fastPaths()) {
            fastColumns(x, xb, reduceStride, size0, j, r, rb, outStride);
        } else {
            Parallel.forRange(blocks, size0 * ILP * W, (from, to) -> {
                for (int b = from; b < to; b++) {
                    int at = b * ILP * W;
                    store(multiRowSum(x, xb + at, reduceStride, W, size0, ILP, W), r, rb, outStride, at);
                }
            });
        }
        for (; j + W <= size1; j += W) {
            float[] sums = rowSum(x, xb + j, reduceStride, size0, W);
            store(java.util.Arrays.copyOf(sums, W), r, rb, outStride, j);
        }
        for (; j < size1; j++) r[rb + j * outStride] += rowSum(x, xb + j, reduceStride, size0);
    }

    /** Gates {@link Vectorized#columnSums} (see {@link HotPath}); a block of columns is summed wholly by one path. */
    private static final HotPath COLUMNS = new HotPath();

    /**
     * {@code vectorized_outer_sum}'s blocks of 32 columns ([0, columns)), each column's adds in
     * {@link #multiRowSum}'s order: SIMD blocks of {@link Vectorized#columnBlock} columns with
     * the Vector API, the rest (and every block while the SIMD kernel is cold) in tiles. Blocks
     * are split over the workers.
     */
    private static void fastColumns(float[] x, int xb, int rowStride, int size, int columns, float[] r, int rb,
            int outStride) {
        int block = Vectorized.columnBlock(), simd = block == 0 ? 0 : columns / block;
        var work = new ColumnSums(x, xb, rowStride, size, block, columns, r, rb, outStride);
        // A block is timed as if it were the longest unit a trial may take: its own loops are
        // short (16 rows), so C2's on-stack replacement never rescues a cold call made vector
        // (1.4 s against 0.3 s scalar for a first 1000×10000 mean(0), measured); both paths are
        // timed in the same units, so the comparison stays fair.
        int weight = Math.min(size * block, HotPath.MAX_TRIAL_ELEMENTS);
        if (simd > 0) Parallel.forUnits(simd, size * block, work.blocks(weight));
        int done = simd * block, tiles = (columns - done + TILE - 1) / TILE;
        Parallel.forRange(tiles, size * TILE, work.tilesFrom(done));
    }

    /**
     * {@link #fastColumns}' work as classes, not lambdas: a fresh JVM linked (and spun, the archive
     * not holding them) each lambda on its first sum over an outer dim, e.g. an MLP's bias gradient.
     */
    private record ColumnSums(float[] x, int xb, int rowStride, int size, int block, int columns, float[] r, int rb,
                              int outStride) implements HotPath.Work {
        /** Blocks [from, to) of {@code block} columns, SIMD or tiled. */
        @Override
        public void run(int from, int to, boolean vector) {
            if (vector) Vectorized.columnSums(x, xb, rowStride, size, from, to, r, rb, outStride);
            else tiledColumns(x, xb, rowStride, size, from * block, to * block, r, rb, outStride);
        }

        /** The SIMD blocks, through the gate. */
        Parallel.Range blocks(int weight) {
            return new Parallel.Range() {
                @Override
                public void run(int from, int to) {
                    if (COLUMNS.hot()) ColumnSums.this.run(from, to, true);
                    else COLUMNS.run(from, to, weight, ColumnSums.this);
                }
            };
        }

        /** Tiles [from, to) of the columns after {@code done}. */
        Parallel.Range tilesFrom(int done) {
            return new Parallel.Range() {
                @Override
                public void run(int from, int to) {
                    tiledColumns(x, xb, rowStride, size, done + from * TILE, Math.min(columns, done + to * TILE), r, rb,
                            outStride);
                }
            };
        }
    }

    /** Columns per tile of {@link #tiledColumns}: four levels of accumulators stay in a 32 kB L1 cache. */
    private static final int TILE = 1024;

    /**
     * Columns [c0, c1) in {@link #multiRowSum}'s order, but walked a row of a tile at a time:
     * contiguous, so the JIT vectorises the adds, where a 32-column block strides down every row.
     */
    private static void tiledColumns(float[] x, int xb, int rowStride, int size, int c0, int c1, float[] r, int rb,
            int outStride) {
        float[][] acc = new float[LEVELS][Math.min(TILE, c1 - c0)];
        for (int c = c0; c < c1; c += TILE) {
            int width = Math.min(TILE, c1 - c);
            tile(x, xb + c, rowStride, size, width, acc);
            for (int k = 0; k < width; k++) r[rb + (c + k) * outStride] += acc[0][k];
        }
    }

    /** {@link #multiRowSum} of {@code width} adjacent columns, into acc[0] (every level cleared first). */
    private static void tile(float[] x, int base, int rowStride, int size, int width, float[][] acc) {
        for (float[] level : acc) java.util.Arrays.fill(level, 0, width, 0f);
        int power = CascadeSum.levelPower(size), step = 1 << power;
        long mask = step - 1;
        float[] first = acc[0];
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) addRow(first, x, base + i * rowStride, width);
            for (int j = 1; j < LEVELS; j++) {
                float[] upper = acc[j], lower = acc[j - 1];
                for (int k = 0; k < width; k++) {
                    upper[k] += lower[k];
                    lower[k] = 0;
                }
                if ((i & (mask << (j * power))) != 0) break;
            }
        }
        for (; i < size; i++) addRow(first, x, base + i * rowStride, width);
        for (int j = 1; j < LEVELS; j++) for (int k = 0; k < width; k++) first[k] += acc[j][k];
    }

    private static void addRow(float[] acc, float[] x, int at, int width) {
        for (int k = 0; k < width; k++) acc[k] += x[at + k];
    }

    /** {@code scalar_outer_sum}: four outputs at a time, then one. */
    static void scalarOuterSum(float[] x, int xb, int in0, int in1, int size0, int size1, float[] r, int rb,
            int outStride) {
        int j = 0;
        for (; j + ILP - 1 < size1; j += ILP) {
            store(multiRowSum(x, xb + j * in1, in0, in1, size0, ILP, 1), r, rb, outStride, j);
        }
        for (; j < size1; j++) r[rb + j * outStride] += rowSum(x, xb + j * in1, in0, size0);
    }

    private static void store(float[] sums, float[] r, int rb, int outStride, int j) {
        for (int k = 0; k < sums.length; k++) r[rb + (j + k) * outStride] += sums[k];
    }
}
