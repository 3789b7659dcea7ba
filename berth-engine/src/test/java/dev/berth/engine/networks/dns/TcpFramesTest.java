package dev.berth.engine.networks.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TcpFramesTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("", "0000"),
                Arguments.of("abcd", "0002abcd"),
                Arguments.of("00".repeat(300), "012c" + "00".repeat(300)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("frames")
    void frame_prefixesTheLengthBigEndian_andReadGivesTheMessageBack(String message, String framed) throws IOException {
        assertThat(HEX.formatHex(TcpFrames.frame(HEX.parseHex(message)))).isEqualTo(framed);
        assertThat(TcpFrames.read(new ByteArrayInputStream(HEX.parseHex(framed)))).hasValueSatisfying(
                m -> assertThat(HEX.formatHex(m)).isEqualTo(message));
    }

    @Test
    void read_takesSeveralMessagesInTurn_thenEmptyAtTheEnd() throws IOException {
        InputStream in = new ByteArrayInputStream(HEX.parseHex("0001aa" + "0002bbcc"));
        assertThat(TcpFrames.read(in)).hasValueSatisfying(m -> assertThat(HEX.formatHex(m)).isEqualTo("aa"));
        assertThat(TcpFrames.read(in)).hasValueSatisfying(m -> assertThat(HEX.formatHex(m)).isEqualTo("bbcc"));
        assertThat(TcpFrames.read(in)).isEmpty();
    }

    static Stream<Arguments> cutShort() {
        return Stream.of(Arguments.of("00"), Arguments.of("0003aabb"), Arguments.of("ffff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cutShort")
    void read_failsWhenTheConnectionEndsInsideAMessage(String bytes) {
        assertThatThrownBy(() -> TcpFrames.read(new ByteArrayInputStream(HEX.parseHex(bytes))))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void frame_refusesMoreThan65535Bytes() {
        assertThatThrownBy(() -> TcpFrames.frame(new byte[65_536])).isInstanceOf(IllegalArgumentException.class);
    }
}
