package dev.berth.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogEntryEncoderTest {

    /** Bytes in hex -> the "log" field as dockerd's jsonlog writes it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            68690a            | hi\\n
            22 5c 2f          | \\"\\\\/
            3c 3e 26          | \\u003c\\u003e\\u0026
            09 0d 01 1f 7f    | \\t\\r\\u0001\\u001f\u007f
            c3a9              | \u00e9
            f09f9880          | \ud83d\ude00
            e280a8 e280a9     | \\u2028\\u2029
            ff 41             | \\ufffdA
            c3                | \\ufffd
            c0af              | \\ufffd\\ufffd
            eda080            | \\ufffd\\ufffd\\ufffd
            f4908080          | \\ufffd\\ufffd\\ufffd\\ufffd
            e282 41           | \\ufffd\\ufffdA
            """)
    void log_isEscapedAsDockerdDoes(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        LogEntryEncoder encoder = new LogEntryEncoder();
        encoder.append(LogStream.STDOUT, bytes, 0, bytes.length, Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(new String(encoder.array(), 0, encoder.size(), StandardCharsets.UTF_8))
                .isEqualTo("{\"log\":\"" + expected + "\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T10:00:00Z           | 2024-05-01T10:00:00Z
            2024-05-01T10:00:00.5Z         | 2024-05-01T10:00:00.5Z
            2024-05-01T10:00:00.000000001Z | 2024-05-01T10:00:00.000000001Z
            2024-05-01T23:59:59.123400Z    | 2024-05-01T23:59:59.1234Z
            """)
    void time_isGoRfc3339NanoAndStaysRightAcrossSeconds(String instant, String expected) {
        LogEntryEncoder encoder = new LogEntryEncoder();
        encoder.append(LogStream.STDERR, new byte[0], 0, 0, Instant.parse("2024-05-01T09:00:00.7Z"));
        encoder.reset();
        encoder.append(LogStream.STDERR, new byte[0], 0, 0, Instant.parse(instant));
        assertThat(new String(encoder.array(), 0, encoder.size(), StandardCharsets.UTF_8))
                .isEqualTo("{\"log\":\"\",\"stream\":\"stderr\",\"time\":\"" + expected + "\"}\n");
    }
}
