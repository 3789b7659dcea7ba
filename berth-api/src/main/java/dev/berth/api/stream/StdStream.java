package dev.berth.api.stream;

/**
 * The streams of Docker's multiplexed framing: every frame is an 8-byte header
 * {@code [stream, 0, 0, 0, size as big-endian uint32]} followed by {@code size} bytes.
 * {@code SYSTEM_ERR} carries an error from the daemon mid-stream.
 */
public enum StdStream {
    STDIN(0), STDOUT(1), STDERR(2), SYSTEM_ERR(3);

    private final int code;

    StdStream(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static StdStream of(int code) {
        for (StdStream s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stream " + code);
    }
}
