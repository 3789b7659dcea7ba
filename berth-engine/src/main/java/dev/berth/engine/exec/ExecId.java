package dev.berth.engine.exec;

import java.security.SecureRandom;
import java.util.HexFormat;

/** An exec instance's ID: 64 random lower-case hex digits, as dockerd's. */
record ExecId(String hex) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static ExecId random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ExecId(HexFormat.of().formatHex(bytes));
    }
}
