package dev.berth.engine.networks;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's /etc/resolv.conf from the host's (already without loopback nameservers) and
 * {@code --dns}, {@code --dns-search}, {@code --dns-option}: each given kind replaces the host's
 * lines of that kind, as dockerd; {@code --dns-search .} means no search domains.
 */
public final class ResolvConf {

    private ResolvConf() {
    }

    public static String apply(String base, List<String> dns, List<String> search, List<String> options) {
        boolean replaceNs = dns != null && !dns.isEmpty();
        boolean replaceSearch = search != null && !search.isEmpty();
        boolean replaceOptions = options != null && !options.isEmpty();
        List<String> out = new ArrayList<>();
        for (String line : base.split("\n")) {
            String word = line.trim().split("\\s+")[0];
            boolean replaced = (replaceNs && word.equals("nameserver"))
                    || (replaceSearch && (word.equals("search") || word.equals("domain")))
                    || (replaceOptions && word.equals("options"));
            if (!replaced && !line.isEmpty()) {
                out.add(line);
            }
        }
        if (replaceNs) {
            dns.forEach(ns -> out.add("nameserver " + ns));
        }
        if (replaceSearch && !(search.size() == 1 && search.getFirst().equals("."))) {
            out.add("search " + String.join(" ", search));
        }
        if (replaceOptions) {
            out.add("options " + String.join(" ", options));
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * The file for a container served by the embedded DNS server at {@code nameserver}: that one
     * nameserver instead of the others (they become the server's upstreams), the search and options
     * lines kept, and dockerd's {@code options ndots:0} unless an ndots is set.
     */
    public static String embedded(String current, String nameserver) {
        List<String> out = new ArrayList<>();
        out.add("nameserver " + nameserver);
        boolean ndots = false;
        for (String line : current.split("\n")) {
            String word = line.trim().split("\\s+")[0];
            if (word.equals("nameserver") || line.isBlank()) {
                continue;
            }
            ndots |= word.equals("options") && line.contains("ndots:");
            out.add(line);
        }
        if (!ndots) {
            out.add("options ndots:0");
        }
        return String.join("\n", out) + "\n";
    }
}
