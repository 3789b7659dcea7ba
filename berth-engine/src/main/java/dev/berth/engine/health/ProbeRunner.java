package dev.berth.engine.health;

import java.time.Duration;
import java.util.List;

/**
 * Runs one health probe in a container. Implementations return a result in every case: a
 * probe that cannot start is a failure whose output says why, one that outlives
 * {@code timeout} is killed and recorded with {@link ProbeResult#TIMED_OUT}.
 */
@FunctionalInterface
public interface ProbeRunner {

    ProbeResult run(String containerId, List<String> command, Duration timeout);
}
