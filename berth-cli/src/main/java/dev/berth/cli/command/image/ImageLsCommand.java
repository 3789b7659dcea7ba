package dev.berth.cli.command.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.client.Filters;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.ImageRows;
import dev.berth.cli.format.OutputFormat;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
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
        Filters f = parseFilters(filters);
        if (reference != null) {
            f = f.with("reference", reference);
        }
        OutputFormat output = OutputFormat.images(format, quiet, digests);
        List<JsonNode> images = client().images().listRaw(all, f);
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        boolean formatDigest = output.contains("{{.Digest}}");
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode image : images) {
            rows.addAll(ImageRows.of(image, !noTrunc, digests, formatDigest, now, zone));
        }
        Output.list(out(), output, rows, ImageRows.HEADERS);
        return 0;
    }
}
