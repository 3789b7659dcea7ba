package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.image.HistoryItem;
import dev.berth.api.units.HumanDuration;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.DisplayText;
import dev.berth.cli.format.OutputFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth history}: IMAGE, CREATED, CREATED BY, SIZE, COMMENT, newest first. */
@Command(name = "history", description = "Show the history of an image")
public final class ImageHistoryCommand extends BerthCommand {

    static final String DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    static final String NON_HUMAN_TABLE = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

    /** Column titles by field name ({@code historyContext}'s headers). */
    static final Map<String, String> HEADERS = Map.of("ID", "IMAGE", "CreatedSince", "CREATED",
            "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");

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
        Instant now = Instant.now();
        List<JsonNode> rows = new ArrayList<>();
        for (HistoryItem h : items) {
            rows.add(row(h, !noTrunc, human, now));
        }
        Output.list(out(), format(format, quiet, human), rows, HEADERS);
        return 0;
    }

    /** docker's {@code NewHistoryFormat}. */
    static OutputFormat format(String source, boolean quiet, boolean human) {
        if (source == null || source.isEmpty() || source.equals(OutputFormat.TABLE)) {
            return new OutputFormat(quiet ? OutputFormat.QUIET : human ? DEFAULT_TABLE : NON_HUMAN_TABLE);
        }
        return new OutputFormat(source);
    }

    static JsonNode row(HistoryItem h, boolean trunc, boolean human, Instant now) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("ID", trunc ? DisplayText.truncateId(h.id()) : h.id());
        Instant created = Instant.ofEpochSecond(h.created());
        String createdAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atZone(ZoneId.systemDefault()));
        r.put("CreatedAt", createdAt);
        r.put("CreatedSince", human ? HumanDuration.of(Duration.between(created, now)) + " ago" : createdAt);
        String createdBy = h.createdBy() == null ? "" : h.createdBy().replace('\t', ' ');
        r.put("CreatedBy", trunc ? DisplayText.ellipsis(createdBy, 45) : createdBy);
        r.put("Size", human ? HumanSize.of(h.size(), 3) : Long.toString(h.size()));
        r.put("Comment", h.comment() == null ? "" : h.comment());
        return r;
    }
}
