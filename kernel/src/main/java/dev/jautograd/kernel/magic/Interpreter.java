package dev.jautograd.kernel.magic;

import dev.jautograd.kernel.session.CellResult;

/**
 * What runs a cell's Java: the JShell session in the kernel, a fake in a test. Magics wrap one,
 * and are one themselves, so the kernel's adapter neither knows nor cares which it has.
 */
public interface Interpreter {
    CellResult execute(String code, int executionCount);

    /** Adds jars or folders (path-separator separated) that later cells compile against and load. */
    void addToClasspath(String path);
}
