package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The CLI's version and build, filtered into build.properties by Maven. */
public final class BuildInfo implements IVersionProvider {

    private static Properties properties;

    public static synchronized String get(String key, String fallback) {
        if (properties == null) {
            properties = new Properties();
            try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException ignored) {
                // a missing build stamp is not worth failing --version for
            }
        }
        String v = properties.getProperty(key);
        return v == null || v.isBlank() || v.startsWith("${") ? fallback : v;
    }

    /** "0.1.0": the project version without -SNAPSHOT. */
    public static String version() {
        return get("version", "0.1.0").replace("-SNAPSHOT", "");
    }

    public static String build() {
        return get("build", "dev");
    }

    public static String buildTime() {
        return get("time", "");
    }

    /** {@code berth version 0.1.0, build abc1234}, as docker prints {@code Docker version 28.2.2, build e6534b4}. */
    @Override
    public String[] getVersion() {
        return new String[] {"berth version " + version() + ", build " + build()};
    }
}
