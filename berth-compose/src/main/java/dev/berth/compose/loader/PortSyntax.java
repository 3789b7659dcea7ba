package dev.berth.compose.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short port syntax, {@code [[host_ip:]published:]target[/protocol]}, into long-syntax
 * mappings (target, published, host_ip, protocol, mode). Ranges map one to one
 * ({@code 8080-8081:80-81} is two mappings); a published range for one target stays a range
 * ({@code 8000-8010:80}: any free port of it). IPv6 host addresses are written in brackets.
 */
final class PortSyntax {
    private PortSyntax() {}

    /** The long-syntax mappings of {@code spec}; throws IllegalArgumentException naming it when invalid. */
    static List<Map<String, Object>> parse(String spec) {
        String rest = spec.strip();
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
                throw invalid(spec, "unknown protocol \"" + protocol + "\"");
            }
        }
        String hostIp = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                throw invalid(spec, "unterminated IPv6 address");
            }
            hostIp = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        String published;
        String target;
        if (parts.length == 1) {
            published = null;
            target = parts[0];
        } else if (parts.length == 2) {
            published = parts[0];
            target = parts[1];
        } else if (hostIp == null) {
            hostIp = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
            published = parts[parts.length - 2];
            target = parts[parts.length - 1];
        } else {
            throw invalid(spec, "too many colons");
        }
        if (published != null && published.isEmpty()) {
            published = null;
        }
        if (hostIp != null && hostIp.isEmpty()) {
            hostIp = null;
        }
        int[] targets = range(spec, target);
        int[] publishedRange = published == null ? null : range(spec, published);
        List<Map<String, Object>> out = new ArrayList<>();
        int count = targets[1] - targets[0] + 1;
        int publishedCount = publishedRange == null ? 0 : publishedRange[1] - publishedRange[0] + 1;
        if (count > 1 && publishedRange != null && publishedCount != count) {
            throw invalid(spec, "the published and target ranges differ in size");
        }
        for (int i = 0; i < count; i++) {
            String pub;
            if (publishedRange == null) {
                pub = null;
            } else if (count > 1) {
                pub = String.valueOf(publishedRange[0] + i);
            } else {
                pub = published;
            }
            out.add(mapping(targets[0] + i, pub, hostIp, protocol));
        }
        return out;
    }

    static Map<String, Object> mapping(int target, String published, String hostIp, String protocol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        if (published != null) {
            m.put("published", published);
        }
        if (hostIp != null) {
            m.put("host_ip", hostIp);
        }
        m.put("protocol", protocol);
        m.put("mode", "ingress");
        return m;
    }

    /** {@code [first, last]} of "80" or "80-81"; ports 1..65535 (0 only as a published port is rejected too). */
    static int[] range(String spec, String text) {
        int dash = text.indexOf('-');
        int first = port(spec, dash < 0 ? text : text.substring(0, dash));
        int last = dash < 0 ? first : port(spec, text.substring(dash + 1));
        if (last < first) {
            throw invalid(spec, "range " + text + " ends before it starts");
        }
        return new int[] {first, last};
    }

    private static int port(String spec, String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw invalid(spec, "\"" + text + "\" is not a port number (1-65535)");
    }

    private static IllegalArgumentException invalid(String spec, String why) {
        return new IllegalArgumentException("invalid port \"" + spec + "\": " + why);
    }
}
