package dev.berth.engine.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flags of a RUN instruction: its {@code --mount}s in order, {@code --network} and
 * {@code --security}. Unknown flags and values are refused, as BuildKit refuses them.
 *
 * @param network  {@code default} (the build's network), {@code none} or {@code host}
 * @param security {@code sandbox} or {@code insecure} (the builder decides whether it allows it)
 */
public record RunFlags(List<RunMount> mounts, String network, String security) {

    public static final RunFlags NONE = new RunFlags(List.of(), "default", "sandbox");

    public RunFlags {
        mounts = List.copyOf(mounts);
    }

    /** {@code flags}: name to value as the reader split them; repeated {@code --mount}s joined by newlines. */
    static RunFlags of(Map<String, String> flags) {
        List<RunMount> mounts = new ArrayList<>();
        String network = "default";
        String security = "sandbox";
        for (Map.Entry<String, String> f : flags.entrySet()) {
            switch (f.getKey()) {
                case "mount" -> {
                    for (String value : f.getValue().split("\n")) {
                        mounts.add(RunMount.parse(value));
                    }
                }
                case "network" -> {
                    network = f.getValue().toLowerCase(Locale.ROOT);
                    if (!List.of("default", "none", "host").contains(network)) {
                        throw new IllegalArgumentException("unsupported network mode \"" + f.getValue() + "\"");
                    }
                }
                case "security" -> {
                    security = f.getValue().toLowerCase(Locale.ROOT);
                    if (!List.of("sandbox", "insecure").contains(security)) {
                        throw new IllegalArgumentException("unsupported security mode \"" + f.getValue() + "\"");
                    }
                }
                default -> throw new IllegalArgumentException("RUN: unknown flag: --" + f.getKey());
            }
        }
        return new RunFlags(mounts, network, security);
    }
}
