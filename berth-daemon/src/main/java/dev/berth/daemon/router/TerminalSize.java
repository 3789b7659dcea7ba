package dev.berth.daemon.router;

import dev.berth.api.http.Query;
import dev.berth.engine.error.InvalidArgumentException;

/** The {@code h} and {@code w} query parameters of the resize routes, as dockerd reads them. */
public record TerminalSize(int rows, int columns) {

    public static TerminalSize of(Query query) {
        return new TerminalSize(dimension(query, "h"), dimension(query, "w"));
    }

    private static int dimension(Query query, String name) {
        String value = query.first(name);
        try {
            int n = Integer.parseInt(value == null ? "" : value);
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("strconv.Atoi: parsing \"" + (value == null ? "" : value)
                    + "\": invalid syntax");
        }
    }
}
