package dev.berth.compose.model;

/**
 * One entry of a service's {@code depends_on}, long syntax.
 *
 * @param condition when the dependency counts as ready
 * @param restart   restart this service when the dependency is updated (recreated)
 * @param required  fail when the dependency is not running; false: only a warning
 */
public record Dependency(DependencyCondition condition, boolean restart, boolean required) {
    /** The meaning of the list syntax: started, no restart, required. */
    public static final Dependency STARTED = new Dependency(DependencyCondition.SERVICE_STARTED, false, true);
}
