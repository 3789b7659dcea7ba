package dev.berth.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commands that plug a container into a network: two {@code ip -batch} processes. */
class VethsTest {

    @Test
    void plug_isOneBatchOnTheHostAndOneInTheNamespace_withTheRouteOnlyForThePrimary() {
        FakeHost host = new FakeHost();
        Network n = new Network("id", "front", "bridge", "2026-01-01T00:00:00Z", "10.5.0.0/24", "10.5.0.1", false,
                Map.of(), Map.of(), "br-front", Map.of());
        new Veths(host).plug("berth-c1", "vbc10", "eth0", n, "10.5.0.2", "02:42:0a:05:00:02", true);
        new Veths(host).plug("berth-c1", "vbc11", "eth1", n, "10.5.0.3", "02:42:0a:05:00:03", false);
        assertThat(host.commands).containsExactly(
                "ip -batch - <<< link add name vbc10 type veth peer name eth0 netns berth-c1; link set vbc10 master br-front;"
                        + " link set vbc10 up",
                "ip -n berth-c1 -batch - <<< link set eth0 address 02:42:0a:05:00:02; addr add 10.5.0.2/24 dev eth0;"
                        + " link set eth0 up; route add default via 10.5.0.1",
                "ip -batch - <<< link add name vbc11 type veth peer name eth1 netns berth-c1; link set vbc11 master br-front;"
                        + " link set vbc11 up",
                "ip -n berth-c1 -batch - <<< link set eth1 address 02:42:0a:05:00:03; addr add 10.5.0.3/24 dev eth1;"
                        + " link set eth1 up");
    }
}
