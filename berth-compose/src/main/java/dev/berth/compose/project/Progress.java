package dev.berth.compose.project;

/**
 * Where the runtime reports what it does to each resource, as docker compose's progress
 * events: {@code resource} is compose's ID ("Network app_default", "Container app-web-1"),
 * {@code text} its status ("Creating", "Created", "Started", "Healthy"). Called from several
 * threads (services of one level start in parallel); implementations synchronise.
 */
public interface Progress {

    /** Whether the resource is still being worked on, or how it ended. */
    enum State { WORKING, DONE, WARNING, ERROR }

    void event(String resource, State state, String text);

    default void working(String resource, String text) {
        event(resource, State.WORKING, text);
    }

    default void done(String resource, String text) {
        event(resource, State.DONE, text);
    }

    /** A message about the project as a whole (orphans, ignored options), as compose's WARN lines. */
    default void warning(String message) {
        event("", State.WARNING, message);
    }

    /** Reports nothing: for tests and for {@code --quiet}. */
    static Progress silent() {
        return (resource, state, text) -> {
        };
    }
}
