package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code SERVICE=NUM} arguments of {@code compose scale}, read with docker compose's errors. */
final class ScaleSpecifiers {

    private ScaleSpecifiers() {
    }

    /** Replicas per service, in the order given (a later one for the same service wins). */
    static Map<String, Integer> parse(List<String> args) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new CliFailure(1, "invalid scale specifier: " + arg);
            }
            int replicas;
            try {
                replicas = Integer.parseInt(arg.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new CliFailure(1, "invalid scale specifier: can't parse replica value as int: " + arg);
            }
            if (replicas < 0) {
                // compose lets the daemon side refuse a negative count; there is no container -1 to converge to
                throw new CliFailure(1, "invalid scale specifier: " + arg);
            }
            out.put(arg.substring(0, eq), replicas);
        }
        return out;
    }
}
