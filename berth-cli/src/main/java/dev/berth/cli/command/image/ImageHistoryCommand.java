package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.image.HistoryItem;
import dev.berth.cli.Output;
import dev.berth.cli.Text;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.interim.HumanDuration;
import dev.berth.cli.interim.HumanSize;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth history}: IMAGE, CREATED, CREATED BY, SIZE, COMMENT, newest first. */
@Command(name = "history", description = "Show the history of an image")
public final class ImageHistoryCommand extends BerthCommand {

    static final String DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
    boolean quiet;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Option(names = {"-H", "--human"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Print sizes and dates in human readable format")
    boolean human;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Override
    public Integer call() throws IOException {
        List<HistoryItem> items = client().images().history(image);
        if (quiet) {
            for (HistoryItem h : items) {
                out().println(noTrunc || h.id().equals("<missing>") ? h.id() : Text.shortId(h.id()));
            }
            return 0;
        }
        Instant now = Instant.now();
        List<JsonNode> rows = new ArrayList<>();
        for (HistoryItem h : items) {
            rows.add(row(h, !noTrunc, human, now));
        }
        Output.list(out(), format, DEFAULT_TABLE, headers(), rows);
        return 0;
    }

    static JsonNode headers() {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("ID", "IMAGE").put("CreatedSince", "CREATED").put("CreatedAt", "CREATED AT")
                .put("CreatedBy", "CREATED BY").put("Size", "SIZE").put("Comment", "COMMENT");
        return h;
    }

    static JsonNode row(HistoryItem h, boolean trunc, boolean human, Instant now) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("ID", trunc && !h.id().equals("<missing>") ? Text.shortId(h.id()) : h.id());
        Instant created = Instant.ofEpochSecond(h.created());
        String createdAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atZone(ZoneId.systemDefault()).withNano(0));
        r.put("CreatedAt", createdAt);
        r.put("CreatedSince", human ? HumanDuration.of(Duration.between(created, now)) + " ago" : createdAt);
        String createdBy = h.createdBy() == null ? "" : h.createdBy().replace('\t', ' ');
        r.put("CreatedBy", trunc ? Text.ellipsis(createdBy, 45) : createdBy);
        r.put("Size", human ? HumanSize.of(h.size(), 3) : Long.toString(h.size()));
        r.put("Comment", h.comment() == null ? "" : h.comment());
        return r;
    }
}
