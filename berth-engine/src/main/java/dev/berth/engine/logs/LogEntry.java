package dev.berth.engine.logs;

import java.time.Instant;

/**
 * One logged message: a line with its trailing newline, or a partial line without one
 * (the last bytes before the stream ended, or a 16 KiB piece of a longer line).
 */
public record LogEntry(LogStream stream, Instant time, byte[] bytes) {
}
