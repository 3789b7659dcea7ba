package dev.berth.engine.networks;

import dev.berth.api.types.container.PortBinding;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports a container publishes: its {@code HostConfig.PortBindings}, plus, with
 * {@code PublishAllPorts} ({@code -P}), every exposed port without a binding on a free host port.
 * A host port may be a range ({@code 8000-8010}): the first free port in it is taken.
 */
final class PortBindings {

    private PortBindings() {
    }

    static List<PortRequest> resolve(Map<String, List<PortBinding>> bindings, boolean publishAll,
            Set<String> exposed) {
        List<PortRequest> out = new ArrayList<>();
        Set<String> bound = new TreeSet<>();
        if (bindings != null) {
            for (var entry : new java.util.TreeMap<>(bindings).entrySet()) {
                bound.add(entry.getKey());
                List<PortBinding> hostSides = entry.getValue() == null || entry.getValue().isEmpty()
                        ? List.of(new PortBinding("", "")) : entry.getValue();
                for (PortBinding b : hostSides) {
                    out.add(request(entry.getKey(), b.hostIp(), b.hostPort()));
                }
            }
        }
        if (publishAll && exposed != null) {
            for (String key : new TreeSet<>(exposed)) {
                if (!bound.contains(key)) {
                    out.add(request(key, "", ""));
                }
            }
        }
        return out;
    }

    static PortRequest request(String key, String hostIp, String hostPort) {
        int slash = key.indexOf('/');
        String proto = slash < 0 ? "tcp" : key.substring(slash + 1);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new InvalidArgumentException("invalid protocol in port " + key + ": berth publishes tcp and udp");
        }
        int container = number(slash < 0 ? key : key.substring(0, slash), key);
        int first = 0;
        int last = 0;
        if (hostPort != null && !hostPort.isEmpty()) {
            int dash = hostPort.indexOf('-');
            first = number(dash < 0 ? hostPort : hostPort.substring(0, dash), key);
            last = dash < 0 ? first : number(hostPort.substring(dash + 1), key);
            if (last < first) {
                throw new InvalidArgumentException("invalid port range: " + hostPort);
            }
        }
        return new PortRequest(hostIp == null || hostIp.isEmpty() ? "0.0.0.0" : hostIp, first, last, container, proto);
    }

    /** A port as {@code ps} shows an exposed but unpublished one. */
    static PublishedPort exposed(String key) {
        PortRequest r = request(key, "", "");
        return r.boundTo(0);
    }

    private static int number(String text, String key) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidArgumentException("invalid port specification: \"" + key + "\"");
    }
}
