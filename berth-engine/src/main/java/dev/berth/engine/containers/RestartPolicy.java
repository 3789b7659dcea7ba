package dev.berth.engine.containers;

import dev.berth.engine.error.InvalidArgumentException;

/**
 * A container's restart policy with dockerd's semantics ({@code HostConfig.RestartPolicy}).
 * Pure: it answers whether an exit is one the policy restarts after; when and how often is
 * {@link RestartBackoff}'s and {@link RestartSupervisor}'s business.
 *
 * @param kind              which policy
 * @param maximumRetryCount for {@code on-failure}: the most restarts in a row, 0 = no limit
 */
public record RestartPolicy(Kind kind, int maximumRetryCount) {

    public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);

    /** The policies, by the names the API and the CLI use. */
    public enum Kind {
        NO("no"), ALWAYS("always"), UNLESS_STOPPED("unless-stopped"), ON_FAILURE("on-failure");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /**
     * Reads the wire form, validating as dockerd does at create: an empty or absent name is
     * {@code no}; a retry count only with {@code on-failure}, and never negative.
     */
    public static RestartPolicy of(dev.berth.api.types.container.RestartPolicy wire) {
        if (wire == null || wire.name() == null || wire.name().isEmpty()) {
            return NO;
        }
        int max = wire.maximumRetryCount() == null ? 0 : wire.maximumRetryCount();
        Kind kind = switch (wire.name()) {
            case "no" -> Kind.NO;
            case "always" -> Kind.ALWAYS;
            case "unless-stopped" -> Kind.UNLESS_STOPPED;
            case "on-failure" -> Kind.ON_FAILURE;
            default -> throw new InvalidArgumentException("invalid restart policy: unknown policy '" + wire.name()
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        };
        if (max < 0) {
            throw new InvalidArgumentException("invalid restart policy: maximum retry count cannot be negative");
        }
        if (max > 0 && kind != Kind.ON_FAILURE) {
            throw new InvalidArgumentException("invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
        return new RestartPolicy(kind, max);
    }

    public boolean isNone() {
        return kind == Kind.NO;
    }

    /**
     * Whether a container that ended with {@code exitCode} is started again. {@code always}
     * restarts whatever happened; {@code unless-stopped} unless stopped by hand;
     * {@code on-failure} after a non-zero exit while fewer than the maximum restarts were made.
     * A manual stop while the daemon runs cancels the loop for every policy (the caller's
     * job); {@code manuallyStopped} here decides only between always and unless-stopped,
     * which is what matters when berthd starts.
     */
    public boolean restartsAfter(int exitCode, boolean manuallyStopped, int restartsSoFar) {
        return switch (kind) {
            case NO -> false;
            case ALWAYS -> true;
            case UNLESS_STOPPED -> !manuallyStopped;
            case ON_FAILURE -> exitCode != 0 && (maximumRetryCount == 0 || restartsSoFar < maximumRetryCount);
        };
    }
}
