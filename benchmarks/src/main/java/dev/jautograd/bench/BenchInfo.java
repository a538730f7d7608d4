package dev.jautograd.bench;

import dev.jautograd.Torch;
import dev.jautograd.loops.Blas;

/** Prints which fast paths this JVM gets, for the header of bench/compare.sh's report. */
public final class BenchInfo {
    private BenchInfo() {}

    public static void main(String[] args) {
        Torch.randn(4, 4).matmul(Torch.randn(4, 4)); // loads the BLAS, as a first matmul would
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        System.out.println("Java " + Runtime.version() + ", matmul BLAS: " + Blas.active()
                + ", Vector API: " + (vector ? "on" : "off") + ", kernel threads: "
                + Integer.getInteger("jautograd.threads", Runtime.getRuntime().availableProcessors()));
    }
}
