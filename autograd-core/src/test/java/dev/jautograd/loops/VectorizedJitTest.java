package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Vectorized#hasOptimizingJit} reads {@code java.vm.info} instead of the management beans
 * (which cost a first call ~150 classes): in a child JVM started with each compiler setting, its
 * answer must be the expected one and agree with what the HotSpot diagnostic bean reports.
 */
class VectorizedJitTest {
    /** Runs in the child: prints the cheap answer and the management beans' answer. */
    public static void main(String[] args) {
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
        int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
        boolean quickOnly = hotspot.getVMOption("CompilationMode").getValue().equals("quick-only");
        boolean interpreted = System.getProperty("java.vm.info").contains("interpreted");
        boolean beans = !interpreted && !quickOnly && (!tiered || stopAt >= 4);
        System.out.println(Vectorized.hasOptimizingJit(System.getProperty("java.vm.info")) + " " + beans);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource({
        "'', true",
        "-XX:TieredStopAtLevel=1, false",
        "-XX:CompilationMode=quick-only, false",
        "-Xint, false",
        "-XX:-TieredCompilation, true",
        "-XX:CompilationMode=high-only, true",
    })
    void readsTheCompilersFromTheVmInfo(String flag, boolean expected) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto"));
        if (!flag.isEmpty()) command.add(flag);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VectorizedJitTest.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, child.waitFor(), out);
        assertEquals(expected + " " + expected, out, "cheap answer, then the management beans'");
    }
}
