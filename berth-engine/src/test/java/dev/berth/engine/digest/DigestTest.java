package dev.berth.engine.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

    @Test
    void sha256_ofEmptyInputIsTheWellKnownValue() {
        assertThat(Digest.sha256(new byte[0]).toString())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void parse_roundTrips() {
        String text = "sha256:" + "0123456789abcdef".repeat(4);
        assertThat(Digest.parse(text).toString()).isEqualTo(text);
        assertThat(Digest.parse(text).shortHex()).isEqualTo("0123456789ab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256", "sha256:abc", "md5:" + "0000000000000000000000000000000000000000000000000000000000000000",
            "sha256:../../../../etc/passwd", "sha256:" + "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"})
    void parse_refusesMalformedDigests(String text) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
