package dev.berth.engine.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code docker logs} asks for.
 *
 * @param tail       the number of last entries to start from, or {@link #ALL}
 * @param since      entries at or after this time only
 * @param until      entries at or before this time only; reading stops at the first later one
 * @param follow     keep reading as the log grows until the container stops
 * @param timestamps prefix each entry's bytes with its RFC3339Nano time and a space
 */
public record LogReadOptions(boolean stdout, boolean stderr, Optional<Instant> since, Optional<Instant> until,
                             int tail, boolean follow, boolean timestamps) {

    public static final int ALL = -1;

    /** Both streams, everything, no follow, no timestamps. */
    public static final LogReadOptions EVERYTHING =
            new LogReadOptions(true, true, Optional.empty(), Optional.empty(), ALL, false, false);
}
