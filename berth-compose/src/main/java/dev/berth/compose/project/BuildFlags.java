package dev.berth.compose.project;

/**
 * What {@code compose build} adds to each service's {@code build:} section.
 *
 * @param noCache {@code --no-cache}: build without the daemon's cache
 * @param pull    {@code --pull}: ask the daemon to pull newer base images ({@code pull=1})
 */
public record BuildFlags(boolean noCache, boolean pull) {

    /** Nothing added: {@code up}'s builds. */
    public static final BuildFlags NONE = new BuildFlags(false, false);
}
