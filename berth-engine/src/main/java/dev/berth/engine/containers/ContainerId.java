package dev.berth.engine.containers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A container's ID: 64 random lower-case hex digits, shown shortened to 12 as Docker does. */
public record ContainerId(@JsonValue String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContainerId {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid container ID: " + hex);
        }
    }

    @JsonCreator
    public static ContainerId of(String hex) {
        return new ContainerId(hex);
    }

    public static ContainerId random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ContainerId(HexFormat.of().formatHex(bytes));
    }

    public String shortId() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return hex;
    }
}
