package dev.jautograd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The option bookkeeping the golden table relies on: null keeps a value, sci mode resets unless given. */
class PrintOptionsTest {

    @AfterEach
    void restoreDefaultOptions() {
        PrintOptions.setProfile("default");
    }

    @Test
    void nullNumbersLeaveOptionsAsTheyWereButSciModeResets() {
        PrintOptions.set(2, null, null, 100, true);
        PrintOptions.set(null, 50, null, null, null);
        var options = PrintOptions.current();
        assertEquals(2, options.precision());
        assertEquals(50, options.threshold());
        assertEquals(3, options.edgeItems());
        assertEquals(100, options.lineWidth());
        // torch.set_printoptions(threshold=50) sets sci_mode back to None (automatic)
        assertEquals(Optional.empty(), options.sciMode());
    }

    @Test
    void keywordFormChainsAndAppliesProfileFirst() {
        dev.jautograd.Torch.setPrintOptions(dev.jautograd.Torch.sciMode(true));
        dev.jautograd.Torch.setPrintOptions(dev.jautograd.Torch.profile("short").precision(3).lineWidth(120));
        var options = PrintOptions.current();
        assertEquals(3, options.precision());
        assertEquals(2, options.edgeItems());
        assertEquals(120, options.lineWidth());
        assertEquals(Optional.empty(), options.sciMode());
        dev.jautograd.Torch.setPrintOptions(dev.jautograd.Torch.precision(2).sciMode(true));
        assertEquals(Optional.of(true), PrintOptions.current().sciMode());
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
