package dev.berth.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTest {

    @ParameterizedTest
    @CsvSource({"1.9,1.10,-1", "1.50,1.50,0", "1.50,1.24,1", "1.4,1.40,-1", "2.0,1.99,1"})
    void compare_isNumericPerComponent(String a, String b, int sign) {
        assertThat(Integer.signum(ApiVersion.compare(a, b))).isEqualTo(sign);
    }

    @Test
    void check_acceptsTheSupportedRangeAndUnversionedPaths() {
        assertThatCode(() -> ApiVersion.check(null)).doesNotThrowAnyException();
        assertThatCode(() -> ApiVersion.check("1.24")).doesNotThrowAnyException();
        assertThatCode(() -> ApiVersion.check("1.41")).doesNotThrowAnyException();
        assertThatCode(() -> ApiVersion.check("1.50")).doesNotThrowAnyException();
    }

    @Test
    void check_refusesWithDockerdsWording() {
        assertThatThrownBy(() -> ApiVersion.check("1.12")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("client version 1.12 is too old. Minimum supported API version is 1.24");
        assertThatThrownBy(() -> ApiVersion.check("1.99")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("client version 1.99 is too new. Maximum supported API version is 1.50");
    }
}
