package dev.berth.compose.project;

/**
 * Where followed logs go, one complete line at a time (without its newline), from several
 * threads: implementations synchronise so that lines never interleave.
 */
public interface LogSink {

    /** {@code container} is the container's short name ("web-1"). */
    void line(ProjectContainer container, boolean stderr, String line);

    /** The container's log stream ended: it stopped (or was removed). */
    default void ended(ProjectContainer container) {
    }
}
