package dev.berth.cli.command.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.client.ApiResponse;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.OutputFormat;
import dev.berth.cli.format.StatsRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth stats [--no-stream] [--all] [--format] [CONTAINER...]}: docker's table of
 * CPU, memory, network and block I/O and PIDs. With {@code --no-stream} one reading per
 * container (the daemon measures CPU over a second); otherwise one stream per container
 * and the table redrawn every second, in place on a terminal.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
public final class ContainerStatsCommand extends BerthCommand {

    @Mixin
    StatsFlags flags = new StatsFlags();

    @Parameters(paramLabel = "CONTAINER", arity = "0..*")
    List<String> containers = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Map<String, String> targets = targets();
        OutputFormat output = new OutputFormat(flags.template());
        Map<String, ObjectNode> rows = new ConcurrentHashMap<>();
        if (flags.noStream) {
            List<Thread> readers = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            targets.forEach((id, shown) -> readers.add(Thread.ofVirtual().start(() -> {
                try {
                    client().resources().stats(id, false, false, entry -> {
                        rows.put(id, StatsRows.of(entry, shown, !flags.noTrunc));
                        return false;
                    });
                } catch (IOException e) {
                    synchronized (errors) {
                        errors.add(describe(e));
                    }
                }
            })));
            for (Thread t : readers) {
                join(t);
            }
            if (!errors.isEmpty() && !containers.isEmpty()) {
                throw new CliFailure(1, String.join("\n", errors));
            }
            out().print(output.render(ordered(targets, rows), StatsRows.HEADERS));
            out().flush();
            return 0;
        }
        targets.forEach((id, shown) -> Thread.ofVirtual().start(() -> {
            try {
                client().resources().stats(id, true, false, entry -> {
                    rows.put(id, StatsRows.of(entry, shown, !flags.noTrunc));
                    return true;
                });
            } catch (IOException e) {
                rows.remove(id);
            }
        }));
        boolean terminal = System.console() != null;
        while (true) {
            LockSupport.parkNanos(1_000_000_000L);
            String table = output.render(ordered(targets, rows), StatsRows.HEADERS);
            out().print(terminal ? "\033[2J\033[H" + table : table);
            out().flush();
        }
    }

    /** Container ID -> what its row shows in CONTAINER: the names given, else the running (or all) containers. */
    private Map<String, String> targets() throws IOException {
        Map<String, String> targets = new LinkedHashMap<>();
        if (!containers.isEmpty()) {
            for (String name : containers) {
                try {
                    targets.put(client().containers().inspectRaw(name).path("Id").asText(), name);
                } catch (IOException e) {
                    throw new CliFailure(1, describe(e));
                }
            }
            return targets;
        }
        try (ApiResponse r = client().raw("GET", "/containers/json" + (flags.all ? "?all=1" : ""))) {
            for (JsonNode c : Json.MAPPER.readTree(r.body())) {
                String id = c.path("Id").asText();
                targets.put(id, id.substring(0, Math.min(12, id.length())));
            }
        }
        return targets;
    }

    private static List<ObjectNode> ordered(Map<String, String> targets, Map<String, ObjectNode> rows) {
        List<ObjectNode> out = new ArrayList<>();
        targets.keySet().forEach(id -> {
            ObjectNode row = rows.get(id);
            if (row != null) {
                out.add(row);
            }
        });
        return out;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
