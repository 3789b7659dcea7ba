package dev.berth.cli;

import dev.berth.api.client.ApiException;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.DeclaredCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The entry point. To start fast it registers with picocli only the command named on the
 * command line (picocli introspects every class it is given); {@code berth --help} and
 * unknown words get the whole table.
 */
public final class Main {

    /** Global options that take a value: the dispatcher skips them to find the command. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-H", "--host", "-l", "--log-level", "--config");

    /** Commands whose arguments after the image belong to the container: {@code run busybox ls -l}. */
    private static final Set<String> STOP_AT_POSITIONAL = Set.of("run", "create", "exec", "top");

    private Main() {
    }

    public static void main(String[] args) {
        CliContext ctx = CliContext.system();
        int status = run(args, ctx);
        ctx.out().flush();
        ctx.err().flush();
        System.exit(status);
    }

    /** Parses and runs one command line; returns the exit status. */
    public static int run(String[] args, CliContext ctx) {
        if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
            // the most common probe of all; not worth introspecting every command for
            ctx.out().println(new BuildInfo().getVersion()[0]);
            return 0;
        }
        if (args.length >= 1 && args[0].equals("help")) {
            // `berth help [COMMAND]` is `berth [COMMAND] --help`, as with docker
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
            rest[rest.length - 1] = "--help";
            return run(rest, ctx);
        }
        List<String> words = commandWords(args);
        if (!words.isEmpty() && CommandTable.find(CommandTable.ROOT, words.getFirst()) == null) {
            ctx.err().println("berth: unknown command: berth " + words.getFirst() + "\n\nRun 'berth --help' for more information");
            return 1;
        }
        CommandLine root = build(ctx, words);
        return root.execute(args);
    }

    static CommandLine build(CliContext ctx, List<String> words) {
        CommandLine root = commandLine(new Root(), ctx);
        String first = words.isEmpty() ? null : words.getFirst();
        for (CommandTable.Entry entry : CommandTable.ROOT) {
            if (first != null && !entry.answers(first)) {
                continue;
            }
            CommandLine sub = commandLine(entry.factory().get(), ctx);
            // before the children are added: picocli applies this setter to every subcommand already there
            sub.setStopAtPositional(STOP_AT_POSITIONAL.contains(entry.name()));
            String second = words.size() > 1 ? words.get(1) : null;
            for (CommandTable.Entry child : entry.children()) {
                if (first != null && second != null && CommandTable.find(entry.children(), second) != null
                        && !child.answers(second)) {
                    continue;
                }
                CommandLine leaf = commandLine(child.factory().get(), ctx);
                leaf.setStopAtPositional(STOP_AT_POSITIONAL.contains(child.name()));
                sub.addSubcommand(child.name(), leaf, child.aliases().toArray(String[]::new));
            }
            root.addSubcommand(entry.name(), sub, entry.aliases().toArray(String[]::new));
        }
        return root;
    }

    private static CommandLine commandLine(Object command, CliContext ctx) {
        if (command instanceof BerthCommand c) {
            c.bind(ctx);
        }
        CommandLine cl = new CommandLine(command instanceof DeclaredCommand d ? d.spec() : command);
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e, ctx));
        cl.setParameterExceptionHandler((e, args) -> usageError(e, args, ctx));
        return cl;
    }

    /** The words before the command's own arguments: "container", "ls" of {@code -H x container ls -a}. */
    static List<String> commandWords(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            i += GLOBAL_WITH_VALUE.contains(a) ? 2 : 1;
        }
        if (i >= args.length) {
            return List.of();
        }
        if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
            return List.of(args[i], args[i + 1]);
        }
        return List.of(args[i]);
    }

    /** docker's wording and status for a command line that does not parse: see {@link UsageError}. */
    private static int usageError(ParameterException e, String[] args, CliContext ctx) {
        UsageError error = UsageError.of(e, args);
        ctx.err().println(error.message());
        return error.status();
    }

    private static int failure(Exception e, CliContext ctx) {
        if (ctx.debug()) {
            e.printStackTrace(ctx.err());
        }
        return switch (e) {
            case CliFailure f -> {
                if (f.getMessage() != null && !f.getMessage().isEmpty()) {
                    ctx.err().println(f.getMessage());
                }
                yield f.status() == 0 ? 1 : f.status();
            }
            case ApiException a -> {
                ctx.err().println(BerthCommand.describe(a));
                yield 1;
            }
            case IOException io -> {
                ctx.err().println(io.getMessage());
                yield 1;
            }
            case IllegalArgumentException bad -> {
                ctx.err().println(bad.getMessage());
                yield 1;
            }
            default -> {
                ctx.err().println("berth: " + e);
                yield 1;
            }
        };
    }
}
