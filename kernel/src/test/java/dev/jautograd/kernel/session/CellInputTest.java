package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellInputTest {
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    private final CellInput input = new CellInput(new PrintStream(notes, true, StandardCharsets.UTF_8));

    @Test
    void eachLineIsOneRequestAndEndsWithANewline() throws Exception {
        var answers = new ArrayDeque<>(List.of("first", "zweite ü"));
        var prompts = new ArrayList<String>();
        input.attach((prompt, cell) -> {
            prompts.add(prompt);
            return answers.poll();
        });
        var reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        assertEquals("first", reader.readLine());
        assertEquals("zweite ü", reader.readLine());
        assertEquals(2, prompts.size());
    }

    @Test
    void withoutStdinReadsSeeEndOfInputAndOneNote() throws Exception {
        input.attach(null);
        assertEquals(-1, input.read());
        assertEquals(-1, input.read(new byte[8], 0, 8));
        String text = notes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("allow_stdin", -1).length - 1, text);
    }

    @Test
    void aCancelledRequestThrowsAndTheNextCellAsksAgain() throws Exception {
        input.attach((prompt, cell) -> {
            cell.cancel(); // as the control thread does on interrupt while the front end waits
            return cell.isCancelled() ? null : "never";
        });
        assertThrows(InterruptedIOException.class, input::read);
        input.attach((prompt, cell) -> "x");
        assertEquals('x', input.read());
        assertEquals('\n', input.read());
    }
}
