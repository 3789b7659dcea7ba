package dev.berth.engine.distribution;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where registries are and how to reach them, as dockerd decides: Docker Hub's API is at
 * {@code registry-1.docker.io} (after any mirrors); plain HTTP only for loopback registries
 * and those named by {@code --insecure-registry}.
 *
 * @param insecureRegistries hosts ({@code host:port}) or CIDR-free host names allowed over HTTP
 * @param mirrors            base URLs tried before Docker Hub for pulls of docker.io images
 * @param maxConcurrentDownloads layers fetched at once (dockerd's default: 3)
 * @param maxConcurrentUploads   layers pushed at once (dockerd's default: 5)
 */
public record RegistryConfig(List<String> insecureRegistries, List<String> mirrors,
        int maxConcurrentDownloads, int maxConcurrentUploads) {

    public static final String DOCKER_HUB_API = "https://registry-1.docker.io";

    public RegistryConfig {
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        maxConcurrentDownloads = maxConcurrentDownloads <= 0 ? 3 : maxConcurrentDownloads;
        maxConcurrentUploads = maxConcurrentUploads <= 0 ? 3 : maxConcurrentUploads;
    }

    public static RegistryConfig defaults() {
        return new RegistryConfig(List.of(), List.of(), 3, 3);
    }

    /** Base URIs to try for {@code domain}, in order: mirrors first for docker.io when {@code pull}. */
    public List<URI> endpoints(String domain, boolean pull) {
        List<URI> out = new ArrayList<>();
        if (domain.equals("docker.io")) {
            if (pull) {
                mirrors.forEach(m -> out.add(URI.create(m.endsWith("/") ? m.substring(0, m.length() - 1) : m)));
            }
            out.add(URI.create(DOCKER_HUB_API));
            return out;
        }
        out.add(URI.create((isInsecure(domain) ? "http://" : "https://") + domain));
        return out;
    }

    /** Whether plain HTTP is allowed for {@code domain} ({@code host[:port]}). */
    public boolean isInsecure(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (insecureRegistries.stream().anyMatch(r -> r.equalsIgnoreCase(d) || r.equalsIgnoreCase(host(d)))) {
            return true;
        }
        return isLoopback(host(d));
    }

    /** The registry a {@code serveraddress} names: {@code https://index.docker.io/v1/} is docker.io. */
    public static String domainOf(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return "docker.io";
        }
        String s = serverAddress.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        s = s.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "index.docker.io", "registry-1.docker.io", "docker.io" -> "docker.io";
            default -> s;
        };
    }

    private static String host(String domain) {
        if (domain.startsWith("[")) {
            int end = domain.indexOf(']');
            return end < 0 ? domain : domain.substring(1, end);
        }
        int colon = domain.lastIndexOf(':');
        return colon < 0 || domain.indexOf(':') != colon ? domain : domain.substring(0, colon);
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve names: only literal loopback addresses count
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
