package dev.berth.engine.distribution;

/**
 * One progress message of a pull or push, in dockerd's words ("Pulling fs layer",
 * "Downloading", "Pull complete", "Layer already exists"...).
 *
 * @param id      the layer's short ID, the tag for "Pulling from", or null for a whole-image line
 * @param status  dockerd's status text
 * @param current bytes done, or -1 when the message carries no progress
 * @param total   bytes expected, or -1 when unknown
 * @param aux     a final result for {@code aux} (push: tag, digest, size), or null
 */
public record Progress(String id, String status, long current, long total, Result aux) {

    public static Progress of(String id, String status) {
        return new Progress(id, status, -1, -1, null);
    }

    public static Progress line(String status) {
        return new Progress(null, status, -1, -1, null);
    }

    /** What a push reports last. */
    public record Result(String tag, String digest, long size) {
    }

    /** Receives progress; called from several threads, one call at a time. */
    @FunctionalInterface
    public interface Listener {
        void on(Progress progress);
    }
}
