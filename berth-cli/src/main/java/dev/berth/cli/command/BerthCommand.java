package dev.berth.cli.command;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.Filters;
import dev.berth.cli.CliContext;
import dev.berth.cli.CliFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A CLI verb: picocli fills its options, {@link dev.berth.cli.Main} gives it the context,
 * {@link #call()} returns the exit status. Failures are exceptions: {@link dev.berth.cli.CliFailure}
 * for a chosen status, ApiException and IOException for the daemon's (printed as docker does, exit 1).
 */
public abstract class BerthCommand implements Callable<Integer> {

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    private CliContext context;

    public final void bind(CliContext context) {
        this.context = context;
    }

    protected final CliContext ctx() {
        return context;
    }

    protected final EngineClient client() {
        return context.client();
    }

    protected final PrintStream out() {
        return context.out();
    }

    protected final PrintStream err() {
        return context.err();
    }

    /** The text docker prints for a daemon error: "Error response from daemon: ...". */
    public static String describe(IOException e) {
        return e instanceof ApiException ? "Error response from daemon: " + e.getMessage() : e.getMessage();
    }

    /** Ends with status 1 and the collected messages, one a line, when there are any. */
    protected static int failIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new CliFailure(1, String.join("\n", errors));
        }
        return 0;
    }

    /** One daemon call for one name, as stop, kill, restart and rm make. */
    @FunctionalInterface
    protected interface NameAction {
        void apply(String name) throws IOException;
    }

    /**
     * docker's loop over several containers: each name is echoed when its call succeeds; the
     * failures are printed together at the end, with exit status 1.
     */
    protected final int forEachEchoed(List<String> names, NameAction action) {
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                action.apply(name);
                out().println(name);
            } catch (IOException e) {
                errors.add(describe(e));
            }
        }
        return failIfAny(errors);
    }

    /**
     * docker's prune prompt: prints {@code warning} and "Are you sure you want to continue?
     * [y/N] ", true only when the answer read from stdin is y or yes.
     */
    protected final boolean confirmed(String warning) throws IOException {
        out().print(warning + "\nAre you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** The {@code --filter} values as filters; a malformed one is docker's flag error (125). */
    protected static Filters parseFilters(List<String> values) {
        try {
            return Filters.parse(values);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, "invalid argument \"" + String.join(",", values) + "\" for \"-f, --filter\" flag: "
                    + e.getMessage());
        }
    }
}
