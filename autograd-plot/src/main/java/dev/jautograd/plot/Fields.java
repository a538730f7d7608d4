package dev.jautograd.plot;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.awt.image.BufferedImage;
import java.util.function.Function;

/** Plots that colour the plane: heatmaps, filled contours and a classifier's decision regions. */
final class Fields {
    /** Grid points per side for a decision boundary: fine enough for smooth bands, 22,500 model inputs. */
    private static final int GRID = 150;
    /** Filled contours use this many colour bands, as matplotlib's contourf picks about ten levels. */
    private static final int BANDS = 10;
    /** A filled contour is drawn at this resolution, whatever the grid it was given. */
    private static final int CONTOUR_PIXELS = 240;
    /** A heatmap cell is at least this many pixels, so a small matrix stays crisp when scaled. */
    private static final int MIN_IMAGE_SIDE = 300;

    private Fields() {
    }

    static Plot heatmap(Plot plot, double[][] z) {
        int rows = z.length;
        int cols = rows == 0 ? 0 : z[0].length;
        double[] range = range(z);
        int scale = Math.max(1, MIN_IMAGE_SIDE / Math.max(1, Math.max(rows, cols)));
        var image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = Colors.viridis(normalise(z[r][c], range)).getRGB();
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return plot.add(new Layer.Field(image, -0.5, cols - 0.5, -0.5, rows - 0.5))
                .invertY()
                .integerTicks()
                .colourBar(range[0], range[1])
                .xlabel("column").ylabel("row");
    }

    static Plot contourf(Plot plot, double[][] z, double xMin, double xMax, double yMin, double yMax) {
        double[] range = range(z);
        var image = new BufferedImage(CONTOUR_PIXELS, CONTOUR_PIXELS, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < CONTOUR_PIXELS; py++) {
            for (int px = 0; px < CONTOUR_PIXELS; px++) {
                // z's row 0 is at yMin, the image's row 0 at its top; between grid points z is bilinear.
                double v = bilinear(z, (double) px / (CONTOUR_PIXELS - 1), 1 - (double) py / (CONTOUR_PIXELS - 1));
                double band = Math.min(BANDS - 1, Math.floor(normalise(v, range) * BANDS));
                image.setRGB(px, py, Colors.viridis(band / (BANDS - 1)).getRGB());
            }
        }
        return plot.add(new Layer.Field(image, xMin, xMax, yMin, yMax)).colourBar(range[0], range[1]);
    }

    /** z at fractions (fx, fy) of the way across its columns and rows. */
    private static double bilinear(double[][] z, double fx, double fy) {
        double x = fx * (z[0].length - 1);
        double y = fy * (z.length - 1);
        int c = Math.min((int) x, Math.max(0, z[0].length - 2));
        int r = Math.min((int) y, Math.max(0, z.length - 2));
        int c1 = Math.min(c + 1, z[0].length - 1);
        int r1 = Math.min(r + 1, z.length - 1);
        double tx = x - c;
        double ty = y - r;
        double top = z[r][c] * (1 - tx) + z[r][c1] * tx;
        double bottom = z[r1][c] * (1 - tx) + z[r1][c1] * tx;
        return top * (1 - ty) + bottom * ty;
    }

    static Plot decisionBoundary(Plot plot, Function<Tensor, Tensor> model, double[][] points, Object labels) {
        double[] box = bounds(points);
        var grid = new double[GRID * GRID][2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                grid[r * GRID + c][0] = box[0] + (box[1] - box[0]) * (c + 0.5) / GRID;
                grid[r * GRID + c][1] = box[3] - (box[3] - box[2]) * (r + 0.5) / GRID; // image row 0 is the top
            }
        }
        Tensor out;
        try (var ignored = Torch.noGrad()) {
            out = model.apply(Torch.tensor(grid));
        }
        var image = new BufferedImage(GRID, GRID, BufferedImage.TYPE_INT_RGB);
        Prediction.colour(out, GRID * GRID, (i, color) -> image.setRGB(i % GRID, i / GRID, color.getRGB()));
        return plot.add(new Layer.Field(image, box[0], box[1], box[2], box[3]))
                .points("", points, labels);
    }

    /**
     * The data's box with a margin of a tenth of its size on each side, as a plot of the plane
     * wants; points with a NaN or infinite coordinate are left out, as the scatter leaves them out.
     */
    private static double[] bounds(double[][] points) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        if (xMin > xMax) { // JFreeChart's own words were "Range(double, double): require lower (Infinity) <= upper (-Infinity)."
            throw new IllegalArgumentException("decisionBoundary sizes the plane from the points, and got no point "
                    + "with finite coordinates (" + points.length + " points)");
        }
        double dx = Math.max(xMax - xMin, 1e-9) * 0.1;
        double dy = Math.max(yMax - yMin, 1e-9) * 0.1;
        return new double[] {xMin - dx, xMax + dx, yMin - dy, yMax + dy};
    }

    private static double[] range(double[][] z) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    private static double normalise(double v, double[] range) {
        return range[1] == range[0] ? 0.5 : (v - range[0]) / (range[1] - range[0]);
    }

}
