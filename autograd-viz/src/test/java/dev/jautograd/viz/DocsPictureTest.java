package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/**
 * docs/img/seed-graph.svg is the seed notebook's {@code y = a**3 - b**2} drawn by this module.
 * The test fails when the committed picture no longer matches what the code draws; to redraw it:
 * {@code mvn -q -o -pl autograd-viz -am test -Dtest=DocsPictureTest -Dsurefire.failIfNoSpecifiedTests=false -Dviz.writeDocs=true}
 */
class DocsPictureTest {
    private static final Path PICTURE = Path.of("..", "docs", "img", "seed-graph.svg");

    static GraphPicture seedPicture() {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
        Tensor y = a.pow(3).sub(b.pow(2));
        var names = new LinkedHashMap<String, Tensor>();
        names.put("a", a);
        names.put("b", b);
        names.put("y", y);
        return Viz.makeDot(y, names, true, false);
    }

    @Test
    void committedSeedPictureIsWhatTheCodeDraws() throws Exception {
        String svg = seedPicture().toSvg();
        if (Boolean.getBoolean("viz.writeDocs")) {
            Files.createDirectories(PICTURE.getParent());
            Files.writeString(PICTURE, svg);
        }
        assertEquals(svg, Files.readString(PICTURE));
    }
}
