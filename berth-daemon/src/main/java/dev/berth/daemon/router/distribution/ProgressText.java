package dev.berth.daemon.router.distribution;

import dev.berth.api.units.HumanSize;

/** The pre-rendered {@code progress} field of a JSON message, as dockerd's JSONProgress draws it. */
public final class ProgressText {

    private static final int WIDTH = 50;

    private ProgressText() {
    }

    /** {@code [=====>      ]  1.2MB/3.4MB}; just the amount when the total is unknown. */
    public static String bar(long current, long total) {
        if (total <= 0) {
            return String.format("%8s", HumanSize.of(current));
        }
        int filled = (int) Math.min(WIDTH, (current * 100 / total) / 2);
        return "[" + "=".repeat(filled) + ">" + " ".repeat(WIDTH - filled) + "] "
                + String.format("%8s/%s", HumanSize.of(current), HumanSize.of(total));
    }
}
