package dev.berth.cli.command.container;

import dev.berth.api.types.container.PortBinding;

/**
 * One {@code -p} value: {@code [ip:][hostPort:]containerPort[/proto]}, e.g. {@code 8080:80},
 * {@code 127.0.0.1::53/udp}, {@code 80}.
 */
record PortSpec(String containerPort, PortBinding binding) {

    /**
     * One {@code -p} value with ranges expanded as docker's CLI does: {@code 8000-8002:80-82}
     * pairs port by port, {@code 8000-8010:80} keeps the host range (the daemon takes the first
     * free port of it), {@code 80-82} publishes each on a free port.
     */
    static java.util.List<PortSpec> parseAll(String text) {
        PortSpec spec = parse(text);
        String key = spec.containerPort();
        int slash = key.indexOf('/');
        String proto = key.substring(slash + 1);
        int[] container = range(key.substring(0, slash));
        String host = spec.binding().hostPort();
        int[] hostRange = host.isEmpty() ? null : range(host);
        int count = container[1] - container[0] + 1;
        if (hostRange != null && count > 1 && hostRange[1] - hostRange[0] + 1 != count) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + key.substring(0, slash) + " and " + host);
        }
        java.util.List<PortSpec> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String hostPort = hostRange == null ? "" : count == 1 ? host : Integer.toString(hostRange[0] + i);
            out.add(new PortSpec((container[0] + i) + "/" + proto, new PortBinding(spec.binding().hostIp(), hostPort)));
        }
        return out;
    }

    private static int[] range(String text) {
        int dash = text.indexOf('-');
        int first = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
        int last = dash < 0 ? first : Integer.parseInt(text.substring(dash + 1));
        if (last < first) {
            throw new IllegalArgumentException("invalid port range: " + text);
        }
        return new int[] {first, last};
    }

    static PortSpec parse(String text) {
        String spec = text;
        String proto = "tcp";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            spec = spec.substring(0, slash);
        }
        String ip = "";
        String host = "";
        String container;
        int last = spec.lastIndexOf(':');
        if (last < 0) {
            container = spec;
        } else {
            container = spec.substring(last + 1);
            String rest = spec.substring(0, last);
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                host = rest;
            } else {
                ip = rest.substring(0, colon);
                host = rest.substring(colon + 1);
            }
        }
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!container.matches("\\d+(-\\d+)?") || !(host.isEmpty() || host.matches("\\d+(-\\d+)?"))
                || !(proto.equals("tcp") || proto.equals("udp") || proto.equals("sctp"))) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"-p, --publish\" flag: Invalid port specification: \"" + text + "\"");
        }
        return new PortSpec(container + "/" + proto, new PortBinding(ip, host));
    }
}
