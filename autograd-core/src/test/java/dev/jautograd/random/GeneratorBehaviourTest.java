package dev.jautograd.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Argument errors (wording from PyTorch, via the goldens), seeds and the generator's identity. */
class GeneratorBehaviourTest {

    static Stream<Named<JsonObject>> errors() {
        return Goldens.list("errors").stream().map(e -> Named.of(e.get("message").getAsString(), e));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void rejectsArgumentsWithPyTorchsMessage(JsonObject call) {
        var generator = new Generator();
        var error = assertThrows(IllegalArgumentException.class, () -> {
            switch (call.get("dtype").getAsString()) {
                case "float32" -> Goldens.drawFloats(generator, call);
                case "float64" -> Goldens.drawDoubles(generator, call);
                default -> Goldens.drawLongs(generator, call);
            }
        });
        assertEquals(call.get("message").getAsString(), error.getMessage());
    }

    /** The default generator's start-up seed (read from /dev/urandom, not SecureRandom) still differs per read. */
    @Test
    void defaultGeneratorsStartUpSeedIsNonDeterministic() {
        java.util.Set<Long> seeds = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) seeds.add(Generator.nonDeterministicSeed());
        assertEquals(8, seeds.size());
    }

    @Test
    void freshGeneratorUsesPyTorchsDefaultSeed() {
        assertEquals(67280421310721L, new Generator().initialSeed());
        var fresh = new float[20];
        new Generator().normal(fresh, 0, 1);
        var reseeded = new float[20];
        new Generator().manualSeed(67280421310721L).normal(reseeded, 0, 1);
        assertEquals(java.util.Arrays.toString(reseeded), java.util.Arrays.toString(fresh));
    }

    @Test
    void manualSeedKeepsAllSixtyFourBitsAndReturnsTheGenerator() {
        var generator = new Generator();
        assertSame(generator, generator.manualSeed(-1L));
        assertEquals("18446744073709551615", Long.toUnsignedString(generator.initialSeed()));
    }

    @Test
    void manualSeedDropsTheCachedNormal() {
        var generator = new Generator().manualSeed(3);
        var first = new double[1];
        generator.normal(first, 0, 1);
        var afterReseed = new double[1];
        generator.manualSeed(3).normal(afterReseed, 0, 1);
        assertEquals(first[0], afterReseed[0]);
    }

    @Test
    void defaultGeneratorIsOneSharedInstance() {
        assertSame(Generator.defaultGenerator(), Generator.defaultGenerator());
        assertNotSame(Generator.defaultGenerator(), new Generator());
    }

    @Test
    void toStringNamesTheClassAndIdentity() {
        var generator = new Generator();
        var expected = "<dev.jautograd.random.Generator at 0x" + Integer.toHexString(System.identityHashCode(generator)) + ">";
        assertEquals(expected, generator.toString());
    }
}
