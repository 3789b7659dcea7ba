package dev.berth.compose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("1024", 1024L),
                Arguments.of("512m", 512L << 20),
                Arguments.of("512M", 512L << 20),
                Arguments.of("1gb", 1L << 30),
                Arguments.of("1GB", 1L << 30),
                Arguments.of("64KiB", 64L << 10),
                Arguments.of("1.5g", 3L << 29),
                Arguments.of("100b", 100L),
                Arguments.of("2 t", 2L << 40));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void parse_readsDockerSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "12x", "-1m", "1..5g", "ib"})
    void parse_rejectsOtherText(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("invalid size");
    }
}
