package dev.berth.compose.model;

import java.util.List;

/**
 * A service's {@code develop} section: the Compose Develop Specification's hooks for the
 * inner loop. Only {@code watch} is defined.
 *
 * @param watch the watch rules, in file order
 */
public record Develop(List<WatchRule> watch) {

    public Develop {
        watch = Copies.list(watch);
    }
}
