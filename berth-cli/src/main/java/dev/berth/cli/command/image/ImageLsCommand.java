package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.Filters;
import dev.berth.api.types.image.ImageSummary;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.Text;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth images} / {@code image ls}: docker's table, IDs with -q, or --format. */
@Command(name = "images", description = "List images")
public final class ImageLsCommand extends BerthCommand {

    @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = "--digests", description = "Show digests")
    boolean digests;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
    List<String> filters = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() throws IOException {
        Filters f;
        try {
            f = Filters.parse(filters);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, "invalid argument \"" + String.join(",", filters) + "\" for \"-f, --filter\" flag: " + e.getMessage());
        }
        if (reference != null) {
            f = f.with("reference", reference);
        }
        List<ImageSummary> images = client().images().list(all, f);
        if (quiet && (format == null || format.isBlank())) {
            for (ImageSummary image : images) {
                for (JsonNode row : ImageRows.rows(image, !noTrunc, Instant.EPOCH)) {
                    out().println(row.get("ID").asText());
                }
            }
            return 0;
        }
        Instant now = Instant.now();
        List<JsonNode> rows = new ArrayList<>();
        for (ImageSummary image : images) {
            rows.addAll(ImageRows.rows(image, !noTrunc, now));
        }
        String table = digests
                ? "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
                : ImageRows.DEFAULT_TABLE;
        Output.list(out(), format, table, ImageRows.headers(), rows);
        return 0;
    }

    static String shortOrFull(String id, boolean trunc) {
        return trunc ? Text.shortId(id) : id;
    }
}
