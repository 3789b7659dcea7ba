package dev.berth.cli;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not parse, told in docker's words (cobra's flag errors and
 * docker's {@code cli.RequiresMinArgs} family): a wrong flag is status 125 with the flag error,
 * the usage line and where to look; a wrong number of arguments is status 1 with
 * {@code berth: 'berth rm' requires at least 1 argument}.
 *
 * @param status  the exit status
 * @param message the whole text for stderr, without the last newline
 */
record UsageError(int status, String message) {

    /** @param args the whole command line, to name a flag as it was typed */
    static UsageError of(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String path = spec.qualifiedName();
        String usage = "\n\nUsage:  " + synopsis(spec);
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().getFirst();
            if (first.startsWith("-") && !first.equals("-")) {
                return flag(unknownFlag(first), path, usage);
            }
            if (!spec.subcommands().isEmpty()) {
                return new UsageError(1, "berth: unknown command: " + path + " " + first + "\n\nUsage:  " + path
                        + "\n\nRun '" + path + " --help' for more information");
            }
            return arguments(spec, path, usage);
        }
        if (e.getArgSpec() instanceof PositionalParamSpec
                || (e instanceof MissingParameterException m && m.getMissing().stream().allMatch(ArgSpec::isPositional))) {
            return arguments(spec, path, usage);
        }
        if (e instanceof MissingParameterException m && m.getMissing().size() == 1
                && m.getMissing().getFirst() instanceof OptionSpec option) {
            return flag(flagNeedsArgument(option, args), path, usage);
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
            String reason = e.getMessage();
            int colon = reason.lastIndexOf(": ");
            return flag("invalid argument \"" + e.getValue() + "\" for \"" + flagNames(option) + "\" flag: "
                    + (colon >= 0 ? reason.substring(colon + 2) : reason), path, usage);
        }
        return flag(e.getMessage(), path, usage);
    }

    private static UsageError flag(String text, String path, String usage) {
        return new UsageError(125, text + usage + "\n\nRun '" + path + " --help' for more information");
    }

    private static UsageError arguments(CommandSpec spec, String path, String usage) {
        int min = 0;
        int max = 0;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            min += p.arity().min();
            boolean unbounded = p.arity().isVariable() || p.arity().max() == Integer.MAX_VALUE
                    || p.index().isVariable() || p.index().max() == Integer.MAX_VALUE;
            max = unbounded || max == Integer.MAX_VALUE
                    ? Integer.MAX_VALUE : max + p.arity().max();
        }
        String quoted = "'" + path + "'";
        String text;
        // docker's RequiresMinArgs and RequiresRangeArgs end in "See '...'", the others in "Run '...'"
        String look = min > 0 && min != max ? "See" : "Run";
        if (max == 0) {
            text = quoted + " accepts no arguments";
        } else if (max == Integer.MAX_VALUE) {
            text = quoted + " requires at least " + min + " " + plural(min);
        } else if (min == max) {
            text = quoted + " requires " + min + " " + plural(min);
        } else if (min == 0) {
            text = quoted + " requires at most " + max + " " + plural(max);
        } else {
            text = quoted + " requires at least " + min + " and at most " + max + " " + plural(max);
        }
        return new UsageError(1, "berth: " + text + usage + "\n\n" + look + " '" + path + " --help' for more information");
    }

    private static String plural(int n) {
        return n == 1 ? "argument" : "arguments";
    }

    /** pflag's words: "unknown flag: --x", "unknown shorthand flag: 'x' in -xyz". */
    private static String unknownFlag(String arg) {
        if (arg.startsWith("--")) {
            int eq = arg.indexOf('=');
            return "unknown flag: " + (eq < 0 ? arg : arg.substring(0, eq));
        }
        return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
    }

    /** pflag's words for a flag typed last without its value: "flag needs an argument: 's' in -s". */
    private static String flagNeedsArgument(OptionSpec option, String[] args) {
        for (int i = args.length - 1; i >= 0; i--) {
            String arg = args[i];
            for (String name : option.names()) {
                if (arg.equals(name)) {
                    return "flag needs an argument: " + (name.startsWith("--") ? name : "'" + name.substring(1) + "' in " + name);
                }
            }
        }
        return "flag needs an argument: " + option.longestName();
    }

    /** "-t, --timeout": the short name and the first long one, as pflag shows a flag. */
    private static String flagNames(OptionSpec option) {
        String shortName = null;
        String longName = null;
        for (String name : option.names()) {
            if (!name.startsWith("--") && shortName == null) {
                shortName = name;
            } else if (name.startsWith("--") && longName == null) {
                longName = name;
            }
        }
        if (shortName == null) {
            return longName;
        }
        return longName == null ? shortName : shortName + ", " + longName;
    }

    /** docker's usage line: the command, [OPTIONS] when it has flags, then its arguments. */
    static String synopsis(CommandSpec spec) {
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            return custom[0].strip();
        }
        StringBuilder sb = new StringBuilder(spec.qualifiedName());
        if (!spec.subcommands().isEmpty()) {
            return sb.append(" COMMAND").toString();
        }
        List<OptionSpec> options = spec.options();
        if (options.stream().anyMatch(o -> !o.usageHelp())) {
            sb.append(" [OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String label = p.paramLabel();
            boolean many = p.arity().max() > 1 || p.arity().isVariable();
            String shown = many ? label + " [" + label + "...]" : label;
            sb.append(' ').append(p.arity().min() == 0 ? "[" + (many ? label + "..." : label) + "]" : shown);
        }
        return sb.toString();
    }
}
