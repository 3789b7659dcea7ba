package dev.berth.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

    private static final String D = "sha256:" + "ab".repeat(32);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            busybox                          | docker.io/library/busybox:latest      | busybox:latest
            busybox:1.36                     | docker.io/library/busybox:1.36        | busybox:1.36
            user/app:1                       | docker.io/user/app:1                  | user/app:1
            docker.io/library/alpine         | docker.io/library/alpine:latest       | alpine:latest
            index.docker.io/library/alpine:3 | docker.io/library/alpine:3            | alpine:3
            library/alpine                   | docker.io/library/alpine:latest       | alpine:latest
            localhost:5000/x/y:tag           | localhost:5000/x/y:tag                | localhost:5000/x/y:tag
            localhost/x                      | localhost/x:latest                    | localhost/x:latest
            ghcr.io/o/r/deep:v1.2-rc_3       | ghcr.io/o/r/deep:v1.2-rc_3            | ghcr.io/o/r/deep:v1.2-rc_3
            my-reg.example.com:443/a__b/c.d  | my-reg.example.com:443/a__b/c.d:latest | my-reg.example.com:443/a__b/c.d:latest
            docker.io/user/library/x         | docker.io/user/library/x:latest       | user/library/x:latest
            """)
    void parse_normalisesAndPrintsFamiliar(String input, String full, String familiar) {
        ImageRef ref = ImageRef.parse(input);
        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiar()).isEqualTo(familiar);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            busybox@DIGEST        | docker.io/library/busybox@DIGEST        | busybox@DIGEST
            busybox:1@DIGEST      | docker.io/library/busybox:1@DIGEST      | busybox:1@DIGEST
            localhost:5000/x@DIGEST | localhost:5000/x@DIGEST               | localhost:5000/x@DIGEST
            """)
    void parse_keepsDigestWithoutAddingLatest(String input, String full, String familiar) {
        ImageRef ref = ImageRef.parse(input.replace("DIGEST", D));
        assertThat(ref.toString()).isEqualTo(full.replace("DIGEST", D));
        assertThat(ref.familiar()).isEqualTo(familiar.replace("DIGEST", D));
        assertThat(ref.isDigested()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Busybox", "user/App", "a b", "busybox:", "busybox:tag with space",
            "-x", "x-", "a//b", "/x", "x/", "busybox@sha256:abc", "busybox@md5:" + "ab", "x:-t",
            "reg:port/x", "a..b", "UPPER:5000", "ab@"})
    void parse_refusesInvalid(String input) {
        assertThatThrownBy(() -> ImageRef.parse(input))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("invalid reference format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void parse_refusesSixtyFourHexNames(String input) {
        assertThatThrownBy(() -> ImageRef.parse(input)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("64-byte hexadecimal");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            busybox          | busybox
            user/app:2       | user/app
            localhost:5000/x | localhost:5000/x
            """)
    void parseName_leavesTagUnset(String input, String familiarName) {
        ImageRef ref = ImageRef.parseName(input);
        assertThat(ref.familiarName()).isEqualTo(familiarName);
        assertThat(ImageRef.parseName("busybox").tag()).isNull();
    }
}
