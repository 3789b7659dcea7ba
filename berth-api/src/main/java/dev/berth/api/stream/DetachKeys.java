package dev.berth.api.stream;

import java.io.ByteArrayOutputStream;

/**
 * docker's detach keys ({@code --detach-keys}, default Ctrl-P Ctrl-Q), recognised in what
 * the user types: bytes that start the sequence are held back until it either completes
 * (detach: they are never sent) or breaks (they are sent after all, as docker's escape
 * proxy does). Shared by the CLI (which watches what the user types) and the daemon (which
 * watches an attached client's input, for API clients that leave it to the server). Keys
 * count only on a TTY, as in Docker. Not thread-safe: one per input stream.
 */
public final class DetachKeys {

    public static final String DEFAULT = "ctrl-p,ctrl-q";

    private final byte[] sequence;
    private int matched;
    private boolean detached;

    private DetachKeys(byte[] sequence) {
        this.sequence = sequence;
    }

    /** Parses docker's form: comma-separated {@code ctrl-<key>} or single characters. */
    /** @throws IllegalArgumentException with docker's words for a malformed spec */
    public static DetachKeys parse(String spec) {
        String text = spec == null || spec.isEmpty() ? DEFAULT : spec;
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        for (String key : text.split(",", -1)) {
            keys.write(code(key, text));
        }
        return new DetachKeys(keys.toByteArray());
    }

    private static int code(String key, String spec) {
        if (key.length() == 1) {
            return key.charAt(0);
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("ctrl-") && lower.length() == 6) {
            char c = lower.charAt(5);
            if (c >= 'a' && c <= 'z') {
                return c - 'a' + 1;
            }
            int at = "@[\\]^_".indexOf(c);
            if (at >= 0) {
                return at == 0 ? 0 : 26 + at;
            }
        }
        throw new IllegalArgumentException("Invalid detach keys (" + spec + ") provided");
    }

    /**
     * Feeds typed bytes; returns those to send now. Once the sequence is complete,
     * {@link #detached()} is true and nothing after it is returned.
     */
    public byte[] feed(byte[] data, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 0; i < length && !detached; i++) {
            byte b = data[i];
            if (b == sequence[matched]) {
                matched++;
                if (matched == sequence.length) {
                    detached = true;
                }
                continue;
            }
            out.write(sequence, 0, matched);
            matched = 0;
            if (b == sequence[0]) {
                matched = 1;
                detached = sequence.length == 1;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    public boolean detached() {
        return detached;
    }
}
