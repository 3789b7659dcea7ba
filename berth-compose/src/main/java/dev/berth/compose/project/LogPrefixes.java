package dev.berth.compose.project;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compose's log prefixes: {@code "web-1  | "}, every name padded to the longest one plus a
 * space, and on a terminal each container in the next colour of compose's rainbow (cyan,
 * yellow, green, magenta, blue, then the bright ones).
 */
public final class LogPrefixes {

    private static final List<String> RAINBOW = List.of("36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1");

    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final boolean colour;
    private final int width;

    /** {@code names} are the containers' names without the project ("web-1"). */
    public LogPrefixes(Collection<String> names, boolean colour) {
        this.colour = colour;
        this.width = names.stream().mapToInt(String::length).max().orElse(0) + 1;
        for (String name : names) {
            prefix(name);
        }
    }

    /** The prefix for {@code name}; a name seen for the first time gets the next colour. */
    public synchronized String prefix(String name) {
        return prefixes.computeIfAbsent(name, n -> {
            String text = String.format("%-" + width + "s | ", n);
            if (!colour) {
                return text;
            }
            return "\033[" + RAINBOW.get(prefixes.size() % RAINBOW.size()) + "m" + text + "\033[0m";
        });
    }
}
