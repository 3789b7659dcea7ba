package dev.berth.engine.containers;

import dev.berth.engine.networks.HostsFile;
import dev.berth.engine.networks.ResolvConf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three files dockerd writes for every container and bind-mounts over the image's:
 * {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf}. They live in the
 * container's directory, so edits inside the container last until it is removed.
 */
public final class EtcFiles {

    public static final String HOSTNAME = "hostname";
    public static final String HOSTS = "hosts";
    public static final String RESOLV_CONF = "resolv.conf";

    private EtcFiles() {
    }

    /** Writes the files into {@code dir} unless they exist (a restart keeps the container's edits). */
    public static void writeIfMissing(Path dir, String hostname, List<String> extraHosts,
            Path hostResolvConf) throws IOException {
        writeIfMissing(dir, hostname, extraHosts, hostResolvConf, List.of(), List.of(), List.of());
    }

    /** As above, with {@code --dns}, {@code --dns-search} and {@code --dns-option}. */
    public static void writeIfMissing(Path dir, String hostname, List<String> extraHosts, Path hostResolvConf,
            List<String> dns, List<String> dnsSearch, List<String> dnsOptions) throws IOException {
        Files.createDirectories(dir);
        writeIfMissing(dir.resolve(HOSTNAME), hostname + "\n");
        writeIfMissing(dir.resolve(HOSTS), hosts(hostname, extraHosts));
        writeIfMissing(dir.resolve(RESOLV_CONF), ResolvConf.apply(resolvConf(hostResolvConf), dns, dnsSearch, dnsOptions));
    }

    static String hosts(String hostname, List<String> extraHosts) {
        // Without a network of its own the container's name resolves to loopback, so
        // programs that look up their own hostname work; networks rewrite the file at start.
        return HostsFile.render(hostname, "127.0.1.1", HostsFile.extraHosts(extraHosts, "127.0.0.1"), List.of());
    }

    /**
     * The host's resolv.conf without loopback nameservers (they mean nothing inside the
     * container's network namespace), falling back to public resolvers as dockerd does.
     */
    static String resolvConf(Path hostResolvConf) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean hasNameserver = false;
        if (hostResolvConf != null && Files.isRegularFile(hostResolvConf)) {
            for (String line : Files.readAllLines(hostResolvConf, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("nameserver")) {
                    String[] parts = trimmed.split("\\s+");
                    if (parts.length < 2 || parts[1].startsWith("127.") || parts[1].equals("::1")) {
                        continue;
                    }
                    hasNameserver = true;
                }
                kept.add(line);
            }
        }
        if (!hasNameserver) {
            kept.add("nameserver 8.8.8.8");
            kept.add("nameserver 8.8.4.4");
        }
        return String.join("\n", kept) + "\n";
    }

    private static void writeIfMissing(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
