package dev.berth.cli.command.container;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of {@code stats}, shared with {@code compose stats} (a picocli mixin), which hands them back to it. */
public final class StatsFlags {

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
    boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate output")
    boolean noTrunc;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    /** Whether stopped containers are included. */
    public boolean all() {
        return all;
    }

    /** The format's template: docker stats' table unless {@code --format} names another. */
    public String template() {
        return format == null || format.isEmpty() || format.equals("table") ? dev.berth.cli.format.StatsRows.TABLE : format;
    }

    /** The flags as {@code stats} arguments for the containers chosen already ({@code -a} has done its part). */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (noStream) {
            args.add("--no-stream");
        }
        if (noTrunc) {
            args.add("--no-trunc");
        }
        if (format != null) {
            args.addAll(List.of("--format", format));
        }
        return args;
    }
}
