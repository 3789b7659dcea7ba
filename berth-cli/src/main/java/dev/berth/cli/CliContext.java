package dev.berth.cli;

import dev.berth.api.client.EngineClient;
import dev.berth.api.client.Transport;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What a command may touch of the world: its streams, the client environment (for
 * {@code -e NAME}), whether stdin/stdout are terminals, and the daemon, connected lazily so
 * that {@code --help} and parse errors never open a socket. Tests build one over fakes.
 */
public final class CliContext {

    public static final String DEFAULT_HOST = "unix:///run/berth.sock";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Function<String, Transport> transports;
    private final Boolean stdinTerminal;
    private final Boolean stdoutTerminal;
    private String host;
    private boolean debug;
    private EngineClient client;

    public CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
            Function<String, Transport> transports, Boolean stdinTerminal, Boolean stdoutTerminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.transports = transports;
        this.stdinTerminal = stdinTerminal;
        this.stdoutTerminal = stdoutTerminal;
        String fromEnv = env.get("BERTH_HOST");
        this.host = fromEnv == null || fromEnv.isBlank() ? DEFAULT_HOST : fromEnv;
    }

    /** The real process: System streams, environment, terminals probed on demand. */
    public static CliContext system() {
        return new CliContext(System.out, System.err, System.in, System.getenv(), TransportBinding::open, null, null);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    /** A variable of the client's environment, or null. */
    public String env(String name) {
        return env.get(name);
    }

    /** The whole client environment: compose interpolates the file with it. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public String host() {
        return host;
    }

    public void host(String host) {
        this.host = host;
    }

    public boolean debug() {
        return debug;
    }

    public void debug(boolean debug) {
        this.debug = debug;
    }

    public synchronized EngineClient client() {
        if (client == null) {
            client = new EngineClient(transports.apply(host));
        }
        return client;
    }

    public boolean stdinIsTerminal() {
        return stdinTerminal != null ? stdinTerminal : isTerminal(0);
    }

    public boolean stdoutIsTerminal() {
        return stdoutTerminal != null ? stdoutTerminal : isTerminal(1);
    }

    public boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Linux: a file descriptor is a terminal when it links to a tty device. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return false;
        }
    }
}
