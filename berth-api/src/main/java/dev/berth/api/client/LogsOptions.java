package dev.berth.api.client;

/**
 * {@code GET /containers/{id}/logs}. {@code tail} is "all" or a count; {@code since} and
 * {@code until} are Unix timestamps as the daemon reads them ("1700000000" or
 * "1700000000.000000001"), null for none.
 */
public record LogsOptions(boolean stdout, boolean stderr, boolean follow, String tail,
        boolean timestamps, String since, String until, boolean details) {

    public static LogsOptions all() {
        return new LogsOptions(true, true, false, "all", false, null, null, false);
    }
}
