package dev.berth.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetachKeysTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void defaultSequence_isCtrlPCtrlQ_andIsNotForwarded() {
        var keys = DetachKeys.parse(null);
        byte[] typed = bytes('l', 's', 16, 17, 'x');
        assertThat(keys.feed(typed, typed.length)).containsExactly('l', 's');
        assertThat(keys.detached()).isTrue();
    }

    @Test
    void aPartialSequence_isForwardedWhenItBreaks() {
        var keys = DetachKeys.parse("ctrl-p,ctrl-q");
        byte[] typed = bytes(16, 'a');
        assertThat(keys.feed(typed, typed.length)).containsExactly(16, 'a');
        assertThat(keys.detached()).isFalse();
    }

    @Test
    void theSequence_mayArriveAcrossReads() {
        var keys = DetachKeys.parse(null);
        assertThat(keys.feed(bytes(16), 1)).isEmpty();
        assertThat(keys.detached()).isFalse();
        assertThat(keys.feed(bytes(17), 1)).isEmpty();
        assertThat(keys.detached()).isTrue();
    }

    @Test
    void customKeys_takeCtrlFormsAndPlainCharacters() {
        var keys = DetachKeys.parse("ctrl-a,x");
        byte[] typed = bytes(1, 'x');
        assertThat(keys.feed(typed, typed.length)).isEmpty();
        assertThat(keys.detached()).isTrue();
        var bracket = DetachKeys.parse("ctrl-[");
        assertThat(bracket.feed(bytes(27), 1)).isEmpty();
        assertThat(bracket.detached()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ctrl-", "ctrl-1", "alt-x", "ab"})
    void invalidKeys_areRefusedLikeDocker(String spec) {
        assertThatThrownBy(() -> DetachKeys.parse(spec)).hasMessageContaining("Invalid detach keys");
    }
}
