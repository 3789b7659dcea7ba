package dev.berth.engine.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec writes it: {@code sha256:<64 lower-case hex>}.
 * Only sha256 is accepted; anything else is refused at construction, so a {@code Digest}
 * in hand is always well formed and safe to use as a file name.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!"sha256".equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        }
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid sha256 digest: " + hex);
        }
    }

    /** Parses {@code sha256:<hex>}; throws IllegalArgumentException when malformed. */
    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid digest: " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] bytes) {
        return ofHash(newSha256().digest(bytes));
    }

    public static Digest sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of what a {@link MessageDigest} from {@link #newSha256()} has consumed. */
    public static Digest of(MessageDigest sha256) {
        return ofHash(sha256.digest());
    }

    /** OpenSSL's SHA-256 where the host has it (10x the JDK's under C1, see OpenSslSha256), else the JDK's. */
    public static MessageDigest newSha256() {
        if (dev.berth.posix.OpenSslSha256.isAvailable()) {
            return new NativeSha256();
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static Digest ofHash(byte[] hash) {
        return new Digest("sha256", HexFormat.of().formatHex(hash));
    }

    /** The first 12 hex digits, as Docker shows IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
