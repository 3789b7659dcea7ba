/**
 * Container logs in Docker's json-file format: one JSON object per line,
 * {@code {"log":"...","stream":"stdout","time":"<RFC 3339, nanoseconds, UTC>"}}, written as
 * the container prints and read back with docker logs' options (streams, since, until,
 * tail, follow, timestamps).
 *
 * <p>Depends on Jackson only; knows nothing about containers or the API's stream framing.
 * Not yet: rotation (max-size, max-file) and compression.
 */
package dev.berth.engine.logs;
