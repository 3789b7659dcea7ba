package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemon's network flags: --bridge, --bip, --default-address-pool. */
class NetworkDefaultsTest {

    @Test
    void bip_givesTheDefaultBridgesSubnetAndGateway() {
        NetworkDefaults d = NetworkDefaults.of("bt1", "10.99.3.1/24", List.of());
        assertThat(d.bipSubnet()).hasToString("10.99.3.0/24");
        assertThat(d.bipGateway()).isEqualTo("10.99.3.1");
        assertThat(NetworkDefaults.of(null, null, null).bridge()).isNull();
    }

    @Test
    void invalidFlags_areRefusedWithTheFlagsName() {
        assertThatThrownBy(() -> NetworkDefaults.of(null, "10.99.3.0/24", List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("host address");
        assertThatThrownBy(() -> NetworkDefaults.of(null, "10.99.3.1", List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("--bip");
        assertThatThrownBy(() -> NetworkDefaults.of("a-name-much-too-long", null, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("15");
        assertThatThrownBy(() -> NetworkDefaults.of(null, null, List.of("base=10.0.0.0/16,size=8")))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> NetworkDefaults.of(null, null, List.of("10.0.0.0/16")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("base=CIDR,size=N");
    }

    @Test
    void addressPools_areCarvedInOrder_elseBerthsOwnCandidates() {
        NetworkDefaults d = NetworkDefaults.of(null, null, List.of("base=10.10.0.0/22,size=24", "size=26,base=192.168.5.0/25"));
        assertThat(d.candidates()).extracting(Ipv4Subnet::toString).containsExactly(
                "10.10.0.0/24", "10.10.1.0/24", "10.10.2.0/24", "10.10.3.0/24", "192.168.5.0/26", "192.168.5.64/26");
        List<Ipv4Subnet> own = NetworkDefaults.standard().candidates();
        assertThat(own.getFirst()).hasToString("172.30.0.0/16");
        assertThat(own.getLast()).hasToString("10.250.0.0/16");
    }
}
