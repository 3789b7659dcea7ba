package dev.berth.engine.networks.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReverseNameTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("5.0.0.10.in-addr.arpa", "10.0.0.5"),
                Arguments.of("255.2.168.192.in-addr.arpa", "192.168.2.255"),
                Arguments.of("0.0.0.0.in-addr.arpa", "0.0.0.0"),
                Arguments.of("0.10.in-addr.arpa", null),
                Arguments.of("1.5.0.0.10.in-addr.arpa", null),
                Arguments.of("256.0.0.10.in-addr.arpa", null),
                Arguments.of("05.0.0.10.in-addr.arpa", null),
                Arguments.of("+5.0.0.10.in-addr.arpa", null),
                Arguments.of("5..0.10.in-addr.arpa", null),
                Arguments.of("x.0.0.10.in-addr.arpa", null),
                Arguments.of("in-addr.arpa", null),
                Arguments.of("5.0.0.10.example", null),
                Arguments.of("5.0.0.10in-addr.arpa", null),
                Arguments.of("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("names")
    void address_readsFourOctetsInReverse_rejectsAnythingElse(String name, String expected) {
        assertThat(ReverseName.address(name).map(InetAddress::getHostAddress).orElse(null)).isEqualTo(expected);
    }

    @Test
    void of_isTheInverse() throws Exception {
        Inet4Address a = (Inet4Address) InetAddress.getByName("172.18.200.7");
        assertThat(ReverseName.of(a)).isEqualTo("7.200.18.172.in-addr.arpa");
        assertThat(ReverseName.address(ReverseName.of(a))).contains(a);
    }
}
