package dev.berth.api.units;

import java.time.Duration;

/**
 * A rough, human-readable duration, as go-units {@code HumanDuration} prints it: "Less than a
 * second", "1 second", "N seconds", "About a minute", "N minutes", "About an hour", "N hours",
 * "N days", "N weeks", "N months", "N years".
 *
 * <p>The thresholds are go-units': seconds and minutes are truncated; hours are rounded to the
 * nearest hour; days, weeks and months derive from the rounded hours (from 48 hours, 2 weeks and
 * 60 days on); years from the truncated hours (from 730 days on). Negative durations read as
 * "Less than a second".
 */
public final class HumanDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private HumanDuration() {
    }

    /** The text for {@code d}; never null. */
    public static String of(Duration d) {
        long nanos = saturatedNanos(d);
        long seconds = (long) inUnits(nanos, NANOS_PER_SECOND);
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = (long) inUnits(nanos, NANOS_PER_MINUTE);
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        double exactHours = inUnits(nanos, NANOS_PER_HOUR);
        long hours = (long) (exactHours + 0.5);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return (long) exactHours / 24 / 365 + " years";
    }

    // Go's time.Duration is int64 nanoseconds; the same split into whole units plus a fraction
    // keeps the float rounding identical to Go's Seconds()/Minutes()/Hours().
    private static double inUnits(long nanos, long unit) {
        return (double) (nanos / unit) + (double) (nanos % unit) / unit;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
