package dev.berth.daemon;

/** berth's own version, reported by {@code /version} and {@code berth --version}. */
public final class BerthVersion {

    public static final String VERSION = "0.1.0";
    public static final String COMMIT = "unknown";
    public static final String BUILD_TIME = "";

    private BerthVersion() {
    }
}
