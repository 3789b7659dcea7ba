package dev.berth.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedStreamsTest {

    private static HttpInput input(String s) {
        return new HttpInput(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String decode(String wire) throws IOException {
        return new String(new ChunkedInputStream(input(wire)).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> validBodies() {
        return Stream.of(
                Arguments.of("one chunk", "5\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("two chunks", "3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n", "hello"),
                Arguments.of("uppercase hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
                Arguments.of("leading zeros", "0005\r\nhello\r\n000\r\n\r\n", "hello"),
                Arguments.of("extensions ignored", "5;name=val;x\r\nhello\r\n0;end\r\n\r\n", "hello"),
                Arguments.of("whitespace before extension", "5 ;a=b\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("trailers consumed", "5\r\nhello\r\n0\r\nX-Checksum: abc\r\nY: z\r\n\r\n", "hello"),
                Arguments.of("empty body", "0\r\n\r\n", ""),
                Arguments.of("CRLF inside data", "4\r\n\r\n\r\n\r\n0\r\n\r\n", "\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBodies")
    void decodes(String name, String wire, String expected) throws IOException {
        assertThat(decode(wire)).isEqualTo(expected);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("no size", "\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("non-hex size", "g\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("signed size", "+5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("negative size", "-5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("0x prefix", "0x5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("leading space", " 5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("junk after size", "5 x\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("size overflows long", "10000000000000000\r\nx\r\n"),
                Arguments.of("data longer than size", "3\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("data without CRLF", "5\r\nhelloX\r\n0\r\n\r\n"),
                Arguments.of("bare LF after size", "5\nhello\r\n0\r\n\r\n"),
                Arguments.of("EOF in size line", "5"),
                Arguments.of("EOF in data", "5\r\nhel"),
                Arguments.of("EOF after data", "5\r\nhello"),
                Arguments.of("EOF before last chunk", "5\r\nhello\r\n"),
                Arguments.of("EOF in trailers", "5\r\nhello\r\n0\r\n"),
                Arguments.of("trailer without colon", "0\r\nnocolon\r\n\r\n"),
                Arguments.of("size line too long", "5;" + "e".repeat(5000) + "\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("empty input", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void rejects(String name, String wire) {
        assertThatThrownBy(() -> decode(wire)).isInstanceOf(HttpProtocolException.class);
    }

    @Test
    void stopsAtMessageEnd_leavingNextMessageUnread() throws IOException {
        HttpInput in = input("2\r\nhi\r\n0\r\n\r\nGET / HTTP/1.1\r\n");
        ChunkedInputStream body = new ChunkedInputStream(in);
        assertThat(body.readAllBytes()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(body.isComplete()).isTrue();
        assertThat(in.readLine(100, 400, "line")).isEqualTo("GET / HTTP/1.1");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 8191, 8192, 8193, 100_000, 1_000_003})
    void roundTrip_outputThenInput(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Random writes = new Random(42);
        try (ChunkedOutputStream out = new ChunkedOutputStream(wire)) {
            int off = 0;
            while (off < size) {
                int n = Math.min(size - off, 1 + writes.nextInt(20_000));
                if (n == 1) {
                    out.write(data[off]);
                } else {
                    out.write(data, off, n);
                }
                if (writes.nextInt(4) == 0) {
                    out.flush();
                }
                off += n;
            }
        }
        wire.write("NEXT".getBytes(StandardCharsets.US_ASCII));
        HttpInput in = new HttpInput(new ByteArrayInputStream(wire.toByteArray()));
        assertThat(new ChunkedInputStream(in).readAllBytes()).isEqualTo(data);
        assertThat(in.readAllBytes()).isEqualTo("NEXT".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void flush_writesPendingDataAsOneChunkAtOnce() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ChunkedOutputStream out = new ChunkedOutputStream(wire);
        out.write("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(wire.size()).isZero();
        out.flush();
        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo("3\r\nabc\r\n");
        out.flush(); // nothing pending: no empty chunk, which would end the body
        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo("3\r\nabc\r\n");
    }

    @Test
    void close_writesLastChunkAndLeavesUnderlyingOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream underlying = new OutputStream() {
            @Override
            public void write(int b) {
                wire.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ChunkedOutputStream out = new ChunkedOutputStream(underlying);
        out.write('x');
        out.close();
        out.close();
        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo("1\r\nx\r\n0\r\n\r\n");
        assertThat(closed[0]).isFalse();
        assertThatThrownBy(() -> out.write('y')).isInstanceOf(IOException.class);
    }

    @Test
    void fixedLength_endsAtLengthAndRejectsEarlyEof() throws IOException {
        HttpInput in = input("helloworld");
        assertThat(new FixedLengthInputStream(in, 5).readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.readAllBytes()).isEqualTo("world".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new FixedLengthInputStream(input("abc"), 5).readAllBytes())
                .isInstanceOf(HttpProtocolException.class)
                .hasMessageContaining("3 of 5");
    }
}
