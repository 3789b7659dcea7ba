package dev.berth.engine.images;

import java.util.Locale;

/** The host's platform in OCI terms. */
public final class Platform {

    private Platform() {
    }

    /** This host's CPU architecture as OCI names it ("amd64", "arm64", ...). */
    public static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch;
        };
    }
}
