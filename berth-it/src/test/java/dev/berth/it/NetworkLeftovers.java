package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.Commands;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The host objects of one test's containers and networks: their namespaces
 * ({@code berth-<id12>}), veths ({@code vb<id11><slot>}), bridges ({@code br-<id12>}) and NAT
 * rules. Other daemons on this machine (other tests) hold their own meanwhile, so only the
 * tracked ones are looked for.
 */
final class NetworkLeftovers {

    private final Function<String[], CommandResult> berth;
    private final Set<String> containers = new TreeSet<>();
    private final Set<String> networks = new TreeSet<>();

    NetworkLeftovers(Function<String[], CommandResult> berth) {
        this.berth = berth;
    }

    void containers(String... names) {
        for (String n : names) {
            containers.add(berth.apply(new String[] {"inspect", "-f", "{{.Id}}", n}).assertSuccess().out());
        }
    }

    void network(String name) {
        networks.add(berth.apply(new String[] {"network", "inspect", "-f", "{{.Id}}", name}).assertSuccess().out());
    }

    void assertNoneLeft() {
        Set<String> left = new TreeSet<>();
        Commands.run(List.of("ip", "netns", "list"), Map.of(), null, 5).stdout().lines()
                .map(l -> l.split(" ")[0])
                .filter(n -> containers.stream().anyMatch(id -> n.equals("berth-" + id.substring(0, 12))))
                .forEach(left::add);
        Commands.run(List.of("ip", "-br", "link"), Map.of(), null, 5).stdout().lines()
                .map(l -> l.split("[ @]")[0])
                .filter(n -> containers.stream().anyMatch(id -> n.startsWith("vb" + id.substring(0, 11)))
                        || networks.stream().anyMatch(id -> n.equals("br-" + id.substring(0, 12))))
                .forEach(left::add);
        Commands.run(List.of("iptables", "-w", "-t", "nat", "-S", "POSTROUTING"), Map.of(), null, 5).stdout().lines()
                .filter(l -> networks.stream().anyMatch(id -> l.contains("-o br-" + id.substring(0, 12) + " ")))
                .forEach(left::add);
        assertThat(left).as("namespaces, veths, bridges and NAT rules left by this test").isEmpty();
        containers.clear();
        networks.clear();
    }
}
