package dev.berth.engine.networks;

import dev.berth.engine.error.SystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs iproute2 and iptables as subprocesses. Writing netlink over FFM would save the
 * fork/exec (a few ms per command); until then every change to the host's network goes
 * through here, so tests can see exactly which commands a driver issues.
 */
class HostCommands {

    private static final System.Logger LOG = System.getLogger("berthd.networks");

    /** The result of one command: exit code and what it printed. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs the command; a non-zero exit is a {@link SystemException} with its output. */
    String run(String... command) {
        Result r = attempt(command);
        if (!r.ok()) {
            throw new SystemException(String.join(" ", command) + " failed: " + r.output().strip());
        }
        return r.output();
    }

    /** Whether a network interface of that name exists on the host (sysfs: no subprocess). */
    boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    /** The interface's alias ({@code ip link set NAME alias ...}), empty when it has none or is gone. */
    Optional<String> linkAlias(String name) {
        try {
            String alias = Files.readString(Path.of("/sys/class/net", name, "ifalias"), StandardCharsets.UTF_8).strip();
            return alias.isEmpty() ? Optional.empty() : Optional.of(alias);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The names of the host's network interfaces. */
    List<String> links() {
        try (var names = Files.list(Path.of("/sys/class/net"))) {
            return names.map(n -> n.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Sets the interface's alias: how a daemon marks the bridges it created as its own. */
    void setLinkAlias(String name, String alias) {
        try {
            Files.writeString(Path.of("/sys/class/net", name, "ifalias"), alias + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SystemException("cannot set the alias of " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs several {@code ip} commands in one process ({@code ip [-n netns] -batch -}), which
     * stops at the first that fails; one fork/exec instead of one per command.
     */
    void ipBatch(String netns, List<String> lines) {
        List<String> command = netns == null ? List.of("ip", "-batch", "-") : List.of("ip", "-n", netns, "-batch", "-");
        Result r = attemptWithInput(String.join("\n", lines) + "\n", command.toArray(String[]::new));
        if (!r.ok()) {
            throw new SystemException(String.join(" ", command) + " <<< " + String.join("; ", lines) + " failed: "
                    + r.output().strip());
        }
    }

    /** Runs the command and returns how it ended; for checks and best-effort clean-up. */
    Result attempt(String... command) {
        return attemptWithInput(null, command);
    }

    /** {@link #attempt(String...)} with {@code input} on the command's stdin. */
    Result attemptWithInput(String input, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            try (var stdin = p.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            LOG.log(System.Logger.Level.DEBUG, () -> String.join(" ", command) + " -> " + code);
            return new Result(code, out);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }
}
