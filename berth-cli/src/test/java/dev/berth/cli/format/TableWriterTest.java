package dev.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableWriterTest {

    // The last cell of a line is not part of a column: "yyyyyyyyyyyy" does not widen "y".
    // Inputs and outputs use "|" for tab and "~" for newline to keep the table readable.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "CONTAINER ID|IMAGE|NAMES~4f66ad9a0b2e|nginx|web~" ; "CONTAINER ID   IMAGE     NAMES~4f66ad9a0b2e   nginx     web~"
            "a|b~"                                          ; "a         b~"
            "A||C~"                                         ; "A                   C~"
            "ab|~"                                          ; "ab        ~"
            "a|b~long text here~ccccccccccccccc|d~"         ; "a         b~long text here~ccccccccccccccc   d~"
            "x|y|z~xx|yyyyyyyyyyyy~"                        ; "x         y         z~xx        yyyyyyyyyyyy~"
            "日本|x~"                                        ; "日本      x~"
            "no newline|at end"                             ; "no newline   at end"
            "x|y"                                           ; "x         y"
            """)
    void docker_alignsLikeGoTabwriter(String input, String expected) {
        String in = input.replace('|', '\t').replace('~', '\n');
        assertThat(TableWriter.docker().align(in)).isEqualTo(expected.replace('~', '\n'));
    }
}
