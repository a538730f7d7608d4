package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.viz.GoldenGraphs.Case;
import dev.jautograd.viz.SvgCheck.DrawnBox;
import dev.jautograd.viz.SvgCheck.Rect;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PNG is the SVG's picture: every golden graph's PNG decodes, has twice the SVG's size, a white
 * background, and at each box the SVG draws, the box's stroke colour and dark text pixels.
 */
class PngOutputTest {
    /** The stroke colour of each kind of box, as the SVG's style sheet has it. */
    private static final Map<String, Integer> STROKES = Map.of(
            "jag-output", 0x16a34a, "jag-leaf", 0x3b82f6, "jag-backward", 0x94a3b8,
            "jag-accumulate-grad", 0xa855f7, "jag-saved", 0xf97316);

    static Stream<Arguments> pictures() {
        return GoldenGraphs.load().stream().map(Case::name).sorted().flatMap(name -> Stream.of(
                Arguments.of(name + " plain", Viz.makeDot(GoldenGraphs.CASES.get(name).get())),
                Arguments.of(name + " saved+attrs", Viz.makeDot(GoldenGraphs.CASES.get(name).get(),
                        VizOptions.defaults().withShowSaved(true).withShowAttrs(true)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void thePngIsTheSvgsPictureAtTwiceTheSize(String name, GraphPicture picture) throws Exception {
        var svg = new SvgCheck(picture.toSvg());
        Rect viewBox = svg.viewBox();
        BufferedImage png = PngCheck.decode(picture.toPng());
        double scale = picture.pngScale();
        assertEquals(Math.min(2, Math.sqrt(GraphPicture.MAX_PNG_PIXELS / (viewBox.width() * viewBox.height()))), scale);
        assertTrue(scale > 1.5, "scale " + scale);
        assertEquals((int) Math.ceil(viewBox.width() * scale), png.getWidth());
        assertEquals((int) Math.ceil(viewBox.height() * scale), png.getHeight());
        assertEquals(0xffffff, png.getRGB(0, 0) & 0xffffff, "background");
        assertEquals(0xffffff, png.getRGB(png.getWidth() - 1, png.getHeight() - 1) & 0xffffff, "background");
        for (DrawnBox box : svg.boxes()) {
            Rect r = box.rect();
            int stroke = png.getRGB((int) Math.round(r.x() * scale), (int) Math.round((r.y() + r.height() / 2) * scale));
            assertTrue(PngCheck.distance(stroke, STROKES.get(box.kindClass())) < 40 * 40,
                    box.lines() + ": stroke " + Integer.toHexString(stroke) + " at its left border");
            int text = PngCheck.darkPixels(png, (int) (r.x() * scale) + 6, (int) (r.y() * scale) + 6,
                    (int) ((r.x() + r.width()) * scale) - 6, (int) ((r.y() + r.height()) * scale) - 6, 100);
            int expected = (int) (box.lines().stream().mapToInt(String::length).sum() * 10 * scale / 2);
            assertTrue(text >= expected, box.lines() + ": " + text + " dark pixels, expected text (>= " + expected + ")");
        }
    }

    @Test
    void aCaptionIsDrawnUnderTheGraph() throws Exception {
        Tensor y = GoldenGraphs.seedY();
        y.backward();
        var picture = Viz.makeDot(y);
        BufferedImage png = PngCheck.decode(picture.toPng());
        var svg = new SvgCheck(picture.toSvg());
        double bottom = svg.boxes().stream().mapToDouble(b -> b.rect().y() + b.rect().height()).max().orElseThrow();
        int caption = PngCheck.darkPixels(png, 0, (int) (bottom * 2) + 4, png.getWidth(), png.getHeight(), 100);
        assertTrue(caption > 500, caption + " dark pixels under the graph");
    }

    @Test
    void aHugeGraphKeepsThePngBoundedAndQuick() throws Exception {
        Tensor x = GoldenGraphs.leaf(4);
        for (int i = 0; i < 1000; i++) x = x.mul(1.0001);
        var picture = Viz.makeDot(x);
        picture.toSvg(); // the layout, timed apart from the PNG
        long start = System.nanoTime();
        byte[] bytes = picture.toPng();
        long millis = (System.nanoTime() - start) / 1_000_000;
        BufferedImage png = PngCheck.decode(bytes);
        assertTrue((double) png.getWidth() * png.getHeight() <= GraphPicture.MAX_PNG_PIXELS * 1.01,
                png.getWidth() + "x" + png.getHeight());
        assertTrue(picture.pngScale() < 2, "scale " + picture.pngScale());
        assertTrue(bytes.length < 1_000_000, bytes.length + " bytes");
        assertTrue(millis < 5_000, millis + " ms to draw and encode");
    }

    @Test
    void theSeedGraphsPngIsSmallAndQuick() throws Exception {
        var picture = Viz.makeDot(GoldenGraphs.seedY());
        picture.toSvg();
        long start = System.nanoTime();
        byte[] bytes = picture.toPng();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(bytes.length < 40_000, bytes.length + " bytes");
        System.out.println("seed graph PNG: " + bytes.length + " bytes in " + millis + " ms (first in this JVM)");
    }
}
