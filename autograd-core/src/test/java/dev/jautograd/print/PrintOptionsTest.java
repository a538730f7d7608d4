package dev.jautograd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The option bookkeeping the golden table relies on: null keeps a value, profiles reset sci mode. */
class PrintOptionsTest {

    @AfterEach
    void restoreDefaultOptions() {
        PrintOptions.setProfile("default");
    }

    @Test
    void nullArgumentsLeaveOptionsAsTheyWere() {
        PrintOptions.set(2, null, null, 100, true);
        PrintOptions.set(null, 50, null, null, null);
        var options = PrintOptions.current();
        assertEquals(2, options.precision());
        assertEquals(50, options.threshold());
        assertEquals(3, options.edgeItems());
        assertEquals(100, options.lineWidth());
        assertEquals(Optional.of(true), options.sciMode());
    }

    @Test
    void resetSciModeReturnsToAutomaticOnly() {
        PrintOptions.set(6, null, null, null, false);
        PrintOptions.resetSciMode();
        assertEquals(Optional.empty(), PrintOptions.current().sciMode());
        assertEquals(6, PrintOptions.current().precision());
    }

    @Test
    void profilesMatchTorchSetPrintoptions() {
        PrintOptions.set(7, null, null, null, true);
        PrintOptions.setProfile("short");
        var options = PrintOptions.current();
        assertEquals(2, options.precision());
        assertEquals(2, options.edgeItems());
        assertEquals(Optional.empty(), options.sciMode());
        PrintOptions.setProfile("full");
        assertEquals(Double.POSITIVE_INFINITY, PrintOptions.current().threshold());
        assertEquals(4, PrintOptions.current().precision());
    }
}
