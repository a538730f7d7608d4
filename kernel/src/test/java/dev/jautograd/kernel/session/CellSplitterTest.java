package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The splitter's lexical check for a block comment that never closes. */
class CellSplitterTest {
    /** cell, where its unclosed comment starts (-1: none). */
    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("int a = 5;\n/* never closed\na = 7;", 11),
                Arguments.of("c = c + /* open\n 2;", 8),
                Arguments.of("/* closed */ 1 + 1", -1),
                Arguments.of("/**/ /***/ 1", -1),
                Arguments.of("\"/* in a string\"", -1),
                Arguments.of("\"a \\\" quote /* still the string\"", -1),
                Arguments.of("'\"' + \"/*\"", -1),
                Arguments.of("char c = '\\'';\n/* open", 15),
                Arguments.of("\"\"\"\n  a text block /* with \\\"\"\" inside\n  \"\"\"", -1),
                Arguments.of("// a line comment /* opens nothing\n1", -1),
                Arguments.of("\"unclosed string /*\n/* then a comment", 20),
                Arguments.of("1 /* a */ + /* b", 12));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void findsTheUnclosedComment(String cell, int start) {
        assertEquals(start, CellSplitter.unclosedComment(cell), cell);
    }
}
