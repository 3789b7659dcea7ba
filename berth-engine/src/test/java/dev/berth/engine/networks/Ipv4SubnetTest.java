package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4SubnetTest {

    @ParameterizedTest
    @CsvSource({
            "172.29.0.0/16, 172.29.0.1, 172.29.255.255",
            "10.0.5.0/24, 10.0.5.1, 10.0.5.255",
            "192.168.1.128/25, 192.168.1.129, 192.168.1.255"})
    void parse_givesGatewayAndBroadcast(String cidr, String first, String broadcast) {
        Ipv4Subnet s = Ipv4Subnet.parse(cidr);
        assertThat(s.toString()).isEqualTo(cidr);
        assertThat(Ipv4Subnet.formatAddress(s.firstHost())).isEqualTo(first);
        assertThat(Ipv4Subnet.formatAddress(s.broadcast())).isEqualTo(broadcast);
    }

    @ParameterizedTest
    @CsvSource({"172.29.0.0/16, 172.29.4.0/24, true", "172.29.0.0/16, 172.30.0.0/16, false",
            "10.0.0.0/8, 10.200.0.0/16, true", "192.168.1.0/24, 192.168.2.0/24, false"})
    void overlaps_isSymmetric(String a, String b, boolean expected) {
        assertThat(Ipv4Subnet.parse(a).overlaps(Ipv4Subnet.parse(b))).isEqualTo(expected);
        assertThat(Ipv4Subnet.parse(b).overlaps(Ipv4Subnet.parse(a))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"172.29.0.1/16", "300.1.1.0/24", "10.0.0.0", "10.0.0.0/x", "1.2.3/24", "10.0.0.0/31"})
    void parse_refusesMalformedOrHostBitsSet(String cidr) {
        assertThatThrownBy(() -> Ipv4Subnet.parse(cidr)).isInstanceOf(InvalidArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"172.17.0.2, 02:42:ac:11:00:02", "10.0.0.255, 02:42:0a:00:00:ff"})
    void macAddress_isDockersFromTheAddress(String ip, String mac) {
        assertThat(MacAddresses.fromIp(Ipv4Subnet.parseAddress(ip))).isEqualTo(mac);
    }
}
