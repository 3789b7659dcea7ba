package dev.berth.engine.health;

import dev.berth.api.Json;
import dev.berth.api.Timestamps;
import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A container's health on disk, {@code containers/<id>/health.json}, in the shape of inspect's
 * {@code State.Health} (written atomically), so it outlives a daemon restart and a stopped
 * container still shows its last probes.
 */
public final class HealthFile {

    static final String NAME = "health.json";

    private HealthFile() {
    }

    /** The wire form of {@code health}: what inspect shows and what the file holds. */
    public static dev.berth.api.types.container.Health toWire(Health health) {
        return new dev.berth.api.types.container.Health(health.status().apiName(), health.failingStreak(),
                health.log().stream().map(r -> new dev.berth.api.types.container.Health.Result(
                        Timestamps.format(r.start()), Timestamps.format(r.end()), r.exitCode(), r.output())).toList());
    }

    static Health fromWire(dev.berth.api.types.container.Health wire) {
        return new Health(HealthStatus.parse(wire.status()), wire.failingStreak(),
                wire.log() == null ? java.util.List.of() : wire.log().stream().map(r -> new ProbeResult(
                        Timestamps.parse(r.start()), Timestamps.parse(r.end()), r.exitCode(), r.output())).toList());
    }

    static void write(Path containerDir, Health health) throws IOException {
        AtomicFiles.write(containerDir.resolve(NAME), Json.MAPPER.writeValueAsBytes(toWire(health)));
    }

    /** The health kept in {@code containerDir}, empty when none was written (or it is unreadable). */
    static Optional<Health> read(Path containerDir) {
        Path file = containerDir.resolve(NAME);
        try {
            return Optional.of(fromWire(Json.MAPPER.readValue(Files.readAllBytes(file),
                    dev.berth.api.types.container.Health.class)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            System.getLogger("berthd.health").log(System.Logger.Level.WARNING, "ignoring " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
