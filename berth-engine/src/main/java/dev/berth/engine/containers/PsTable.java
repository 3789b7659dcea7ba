package dev.berth.engine.containers;

import dev.berth.engine.error.SystemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The rows of the host's {@code ps} output that belong to a container, as moby's top keeps
 * them: the header gives the titles and the PID column; a row is kept when its PID is one of
 * the container's, a thread row ({@code -} as PID, with {@code ps m}) when the process row
 * above it was kept; the fields past the last title (the command's words) are joined into one.
 * A pure function.
 */
public record PsTable(List<String> titles, List<List<String>> processes) {

    public PsTable {
        titles = List.copyOf(titles);
        processes = List.copyOf(processes);
    }

    /**
     * @throws SystemException when the header has no PID column or a PID is not a number
     */
    public static PsTable of(String psOutput, Set<Long> pids) {
        String[] lines = psOutput.split("\n");
        List<String> titles = fields(lines[0]);
        int pidIndex = titles.indexOf("PID");
        if (pidIndex < 0) {
            throw new SystemException("Couldn't find PID field in ps output");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean previousKept = false;
        for (int i = 1; i < lines.length; i++) {
            List<String> fields = fields(lines[i]);
            if (fields.size() <= pidIndex) {
                continue;
            }
            String pid = fields.get(pidIndex);
            if (pid.equals("-")) {
                if (previousKept) {
                    rows.add(row(fields, titles.size()));
                }
                continue;
            }
            long p;
            try {
                p = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                throw new SystemException("Unexpected pid '" + pid + "': " + e.getMessage());
            }
            previousKept = pids.contains(p);
            if (previousKept) {
                rows.add(row(fields, titles.size()));
            }
        }
        return new PsTable(titles, rows);
    }

    private static List<String> row(List<String> fields, int columns) {
        if (fields.size() <= columns) {
            return fields;
        }
        List<String> row = new ArrayList<>(fields.subList(0, columns - 1));
        row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
        return row;
    }

    private static List<String> fields(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
