package dev.berth.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.HumanSize;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.DisplayText;
import dev.berth.cli.format.TableWriter;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth system df [-v]}: docker's summary of images, containers, volumes and build cache on disk. */
@Command(name = "df", description = "Show docker disk usage")
public final class SystemDfCommand extends BerthCommand {

    @Option(names = {"-v", "--verbose"}, description = "Show detailed information on space usage")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        JsonNode df = client().resources().diskUsage();
        out().print(verbose ? verbose(df) : summary(df));
        out().flush();
        return 0;
    }

    /** The four-line table, with docker's arithmetic (formatter/disk_usage.go). */
    static String summary(JsonNode df) {
        StringBuilder t = new StringBuilder("TYPE\tTOTAL\tACTIVE\tSIZE\tRECLAIMABLE\n");
        long layers = df.path("LayersSize").asLong();
        int images = 0;
        int activeImages = 0;
        long usedByContainers = 0;
        for (JsonNode i : df.path("Images")) {
            images++;
            if (i.path("Containers").asLong() > 0) {
                activeImages++;
                usedByContainers += i.path("Size").asLong() - Math.max(0, i.path("SharedSize").asLong());
            }
        }
        t.append(row("Images", images, activeImages, layers, Math.max(0, layers - usedByContainers)));
        int containers = 0;
        int running = 0;
        long size = 0;
        long stopped = 0;
        for (JsonNode c : df.path("Containers")) {
            containers++;
            long rw = Math.max(0, c.path("SizeRw").asLong());
            size += rw;
            if (c.path("State").asText().equals("running")) {
                running++;
            } else {
                stopped += rw;
            }
        }
        t.append(row("Containers", containers, running, size, stopped));
        int volumes = 0;
        int usedVolumes = 0;
        long volumeSize = 0;
        long unused = 0;
        for (JsonNode v : df.path("Volumes")) {
            volumes++;
            long s = Math.max(0, v.path("UsageData").path("Size").asLong());
            volumeSize += s;
            if (v.path("UsageData").path("RefCount").asLong() > 0) {
                usedVolumes++;
            } else {
                unused += s;
            }
        }
        t.append(row("Local Volumes", volumes, usedVolumes, volumeSize, unused));
        int entries = 0;
        int inUse = 0;
        long cacheSize = 0;
        long cacheInUse = 0;
        for (JsonNode b : df.path("BuildCache")) {
            entries++;
            boolean active = b.path("InUse").asBoolean();
            inUse += active ? 1 : 0;
            if (!b.path("Shared").asBoolean()) {
                cacheSize += b.path("Size").asLong();
                cacheInUse += active ? b.path("Size").asLong() : 0;
            }
        }
        // docker prints the build cache's reclaimable bytes without a percentage
        t.append("Build Cache\t" + entries + "\t" + inUse + "\t" + HumanSize.of(cacheSize) + "\t"
                + HumanSize.of(cacheSize - cacheInUse) + "\n");
        return TableWriter.docker().align(t.toString());
    }

    private static String row(String type, int total, int active, long size, long reclaimable) {
        String r = HumanSize.of(reclaimable);
        if (size > 0) {
            r += " (" + (reclaimable * 100 / size) + "%)";
        }
        return type + "\t" + total + "\t" + active + "\t" + HumanSize.of(size) + "\t" + r + "\n";
    }

    private static String verbose(JsonNode df) {
        StringBuilder out = new StringBuilder("Images space usage:\n\n");
        StringBuilder t = new StringBuilder("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n");
        long now = Instant.now().getEpochSecond();
        for (JsonNode i : df.path("Images")) {
            String id = DisplayText.truncateId(i.path("Id").asText().replaceFirst("^sha256:", ""));
            long shared = Math.max(0, i.path("SharedSize").asLong());
            String created = dev.berth.api.units.HumanDuration.of(java.time.Duration.ofSeconds(now - i.path("Created").asLong())) + " ago";
            JsonNode tags = i.path("RepoTags");
            if (tags.isEmpty()) {
                t.append("<none>\t<none>\t");
            } else {
                String tag = tags.get(0).asText();
                int colon = tag.lastIndexOf(':');
                t.append(tag, 0, colon).append('\t').append(tag.substring(colon + 1)).append('\t');
            }
            t.append(id).append('\t').append(created).append('\t').append(HumanSize.of(i.path("Size").asLong()))
                    .append('\t').append(HumanSize.of(shared)).append('\t')
                    .append(HumanSize.of(i.path("Size").asLong() - shared)).append('\t')
                    .append(i.path("Containers").asLong()).append('\n');
        }
        out.append(TableWriter.docker().align(t.toString())).append("\nContainers space usage:\n\n");
        t = new StringBuilder("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n");
        for (JsonNode c : df.path("Containers")) {
            String created = dev.berth.api.units.HumanDuration.of(java.time.Duration.ofSeconds(now - c.path("Created").asLong())) + " ago";
            t.append(DisplayText.truncateId(c.path("Id").asText())).append('\t').append(c.path("Image").asText())
                    .append('\t').append('"').append(DisplayText.ellipsis(c.path("Command").asText(), 20)).append('"')
                    .append('\t').append(c.path("Mounts").size()).append('\t')
                    .append(HumanSize.of(Math.max(0, c.path("SizeRw").asLong()))).append('\t').append(created).append('\t')
                    .append(c.path("Status").asText()).append('\t')
                    .append(c.path("Names").path(0).asText().replaceFirst("^/", "")).append('\n');
        }
        out.append(TableWriter.docker().align(t.toString())).append("\nLocal Volumes space usage:\n\n");
        t = new StringBuilder("VOLUME NAME\tLINKS\tSIZE\n");
        for (JsonNode v : df.path("Volumes")) {
            t.append(v.path("Name").asText()).append('\t').append(v.path("UsageData").path("RefCount").asLong())
                    .append('\t').append(HumanSize.of(Math.max(0, v.path("UsageData").path("Size").asLong()))).append('\n');
        }
        long cacheSize = 0;
        StringBuilder cache = new StringBuilder("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n");
        for (JsonNode b : df.path("BuildCache")) {
            cacheSize += b.path("Shared").asBoolean() ? 0 : b.path("Size").asLong();
            cache.append(DisplayText.truncateId(b.path("ID").asText())).append('\t').append(b.path("Type").asText())
                    .append('\t').append(HumanSize.of(b.path("Size").asLong())).append('\t')
                    .append(ago(now, b.path("CreatedAt").asText())).append('\t')
                    .append(ago(now, b.path("LastUsedAt").asText())).append('\t')
                    .append(b.path("UsageCount").asLong()).append('\t').append(b.path("Shared").asBoolean())
                    .append('\n');
        }
        out.append(TableWriter.docker().align(t.toString())).append("\nBuild cache usage: ")
                .append(HumanSize.of(cacheSize)).append("\n\n");
        out.append(TableWriter.docker().align(cache.toString()));
        return out.toString();
    }

    private static String ago(long now, String rfc3339) {
        try {
            long then = java.time.Instant.parse(rfc3339).getEpochSecond();
            return dev.berth.api.units.HumanDuration.of(java.time.Duration.ofSeconds(now - then)) + " ago";
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }
}
