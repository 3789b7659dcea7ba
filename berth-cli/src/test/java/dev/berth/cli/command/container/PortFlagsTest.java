package dev.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.types.container.PortBinding;
import org.junit.jupiter.api.Test;

/** {@code -p} ranges as docker's CLI expands them, and {@code port}'s output lines. */
class PortFlagsTest {

    @Test
    void publish_rangesPairPortByPort_aHostRangeStaysOneBinding() {
        assertThat(PortSpec.parseAll("8000-8001:80-81/udp")).containsExactly(
                new PortSpec("80/udp", new PortBinding("", "8000")), new PortSpec("81/udp", new PortBinding("", "8001")));
        assertThat(PortSpec.parseAll("127.0.0.1:8000-8010:80")).containsExactly(
                new PortSpec("80/tcp", new PortBinding("127.0.0.1", "8000-8010")));
        assertThat(PortSpec.parseAll("80-81")).containsExactly(
                new PortSpec("80/tcp", new PortBinding("", "")), new PortSpec("81/tcp", new PortBinding("", "")));
        assertThatThrownBy(() -> PortSpec.parseAll("8000-8002:80-81")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void port_printsDockersLines_sorted_orOnePortsHostSides() throws Exception {
        var ports = new ObjectMapper().readTree("""
                {"9999/udp":[{"HostIp":"127.0.0.1","HostPort":"40001"}],
                 "80/tcp":[{"HostIp":"0.0.0.0","HostPort":"32768"},{"HostIp":"::","HostPort":"32768"}],
                 "443/tcp":null}""");
        assertThat(ContainerPortCommand.lines(ports, null)).containsExactly(
                "80/tcp -> 0.0.0.0:32768", "80/tcp -> [::]:32768", "9999/udp -> 127.0.0.1:40001");
        assertThat(ContainerPortCommand.lines(ports, "80")).containsExactly("0.0.0.0:32768", "[::]:32768");
        assertThat(ContainerPortCommand.lines(ports, "443/tcp")).isEmpty();
    }
}
