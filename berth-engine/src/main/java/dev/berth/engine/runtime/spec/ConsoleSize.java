package dev.berth.engine.runtime.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The size a TTY has before the process runs: the OCI {@code process.consoleSize}. runc and
 * crun size the container's terminal with it before they exec the process, so a program that
 * reads its size first thing (stty size, a full-screen editor) gets the client's size, not
 * 0x0; a resize after start always comes too late for that.
 */
public record ConsoleSize(int rows, int columns) {

    /** From Docker's {@code ConsoleSize} ({@code [height, width]}); empty when absent or zero. */
    public static Optional<ConsoleSize> fromDocker(List<Integer> heightWidth) {
        if (heightWidth == null || heightWidth.size() != 2 || heightWidth.get(0) == null
                || heightWidth.get(1) == null || heightWidth.get(0) <= 0 || heightWidth.get(1) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleSize(heightWidth.get(0), heightWidth.get(1)));
    }

    /** Sets {@code consoleSize} on an OCI {@code process} object. */
    public void applyTo(ObjectNode process) {
        ObjectNode size = process.putObject("consoleSize");
        size.put("height", rows);
        size.put("width", columns);
    }
}
