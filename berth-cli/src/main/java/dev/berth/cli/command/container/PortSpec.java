package dev.berth.cli.command.container;

import dev.berth.api.types.container.PortBinding;

/**
 * One {@code -p} value: {@code [ip:][hostPort:]containerPort[/proto]}, e.g. {@code 8080:80},
 * {@code 127.0.0.1::53/udp}, {@code 80}.
 */
record PortSpec(String containerPort, PortBinding binding) {

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
