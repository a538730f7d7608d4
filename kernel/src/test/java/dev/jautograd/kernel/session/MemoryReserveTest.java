package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reserve's policy. Filling this JVM's heap is the kernel tests' job (test_faults,
 * HeapPressureTests, -Xmx256m); here, with room on the heap, what lets the block go and what
 * takes it back.
 */
class MemoryReserveTest {
    @AfterEach
    void takeItBack() {
        MemoryReserve.statementEnded();
        assertTrue(MemoryReserve.room());
    }

    @Test
    void aFailureWhileAStatementRunsKeepsTheBlockForWhenItEnds() {
        assertTrue(MemoryReserve.room());
        MemoryReserve.statementStarts();
        MemoryReserve.releaseIf(new OutOfMemoryError("Java heap space"));
        assertTrue(MemoryReserve.held(), "a statement filling the heap in a loop would take the block too");
        MemoryReserve.statementEnded();
        assertTrue(MemoryReserve.held(), "with room on the heap the end of a statement keeps it");
    }

    @Test
    void aFailureBetweenStatementsLetsItGoAndRoomTakesItBack() {
        assertTrue(MemoryReserve.room());
        MemoryReserve.releaseIf(new IllegalStateException("not the heap"));
        assertTrue(MemoryReserve.held());
        MemoryReserve.releaseIf(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space")));
        assertFalse(MemoryReserve.held());
        assertTrue(MemoryReserve.room());
        assertTrue(MemoryReserve.held());
    }

    @Test
    void theAnswerBlockGoesOnceForAReplyAndComesBackWithRoom() {
        assertTrue(MemoryReserve.room());
        assertTrue(MemoryReserve.answerBlockHeld());
        assertTrue(MemoryReserve.spendAnswerBlock());
        assertFalse(MemoryReserve.answerBlockHeld());
        assertFalse(MemoryReserve.spendAnswerBlock(), "gone already: the caller knows a second try has no more room");
        assertTrue(MemoryReserve.room());
        assertTrue(MemoryReserve.answerBlockHeld(), "taken back once there is room");
    }

    @Test
    void theWireFailingWhileAStatementRunsKeepsBothBlocks() {
        assertTrue(MemoryReserve.room());
        MemoryReserve.statementStarts();
        MemoryReserve.wireFailed(new OutOfMemoryError("Java heap space"));
        assertTrue(MemoryReserve.held(), "a statement filling the heap would take them");
        assertTrue(MemoryReserve.answerBlockHeld());
        MemoryReserve.statementEnded();
        MemoryReserve.wireFailed(new IllegalStateException("not the heap"));
        assertTrue(MemoryReserve.answerBlockHeld());
        MemoryReserve.wireFailed(new OutOfMemoryError("Java heap space"));
        assertFalse(MemoryReserve.held());
        assertFalse(MemoryReserve.answerBlockHeld(), "between statements both go, so the message can pass");
    }

    @Test
    void theExtraBlockIsTakenOnlyWhileAStatementFillsPastHalfAndGoesWithTheFirst() {
        assertTrue(MemoryReserve.room());
        MemoryReserve.statementStarts();
        long max = Runtime.getRuntime().maxMemory();
        MemoryReserve.whileStatementRuns(max / 3, max - max / 3);
        assertFalse(MemoryReserve.extraHeld(), "a heap under half full keeps an idle kernel's footprint");
        MemoryReserve.whileStatementRuns(max - max / 100, max / 100);
        assertFalse(MemoryReserve.extraHeld(), "too late: taking it now would take the last room");
        MemoryReserve.whileStatementRuns(max * 6 / 10, max * 4 / 10);
        assertTrue(MemoryReserve.extraHeld(), "past half full, taken while there is room");
        MemoryReserve.statementEnded();
        MemoryReserve.releaseIf(new OutOfMemoryError("Java heap space"));
        assertFalse(MemoryReserve.extraHeld(), "let go with the first block");
        assertFalse(MemoryReserve.held());
    }

    @Test
    void anOutOfMemoryErrorJShellReportedOnlyInWordsIsFound() {
        var internal = new InternalError("Exception during analyze - java.lang.OutOfMemoryError: Java heap space");
        var found = MemoryReserve.outOfMemory(internal);
        assertNotNull(found);
        assertEquals("Java heap space", found.getMessage());
        assertNull(MemoryReserve.outOfMemory(new InternalError("something else")));
    }

    @Test
    void theHeapFullAnswerSaysHowToFreeIt() {
        var error = MemoryReserve.heapFull(3);
        assertTrue(MemoryReserve.isHeapFull(error));
        assertTrue(error.evalue().contains("set variables that hold large values to null"), error.evalue());
        assertTrue(error.evalue().endsWith("[the rest of the cell, from line 3, did not run]"), error.evalue());
    }
}
