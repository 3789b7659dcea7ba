package dev.berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A {@code --format} value and how the docker CLI renders rows with it ({@code formatter.Format}
 * and {@code Context.Write}).
 *
 * <p>Keywords: {@code table} (the command's default table), {@code table <template>} (a header
 * row from the column names, then aligned rows), {@code json} (one compact JSON object per
 * line: {@code {{json .}}}), {@code raw} (the command's key: value blocks); anything else is a
 * template printed once per row, each followed by a newline. In a template, the two-character
 * sequences {@code \t} and {@code \n} stand for tab and newline, and leading and trailing spaces
 * are dropped.
 */
public record OutputFormat(String source) {

    public static final String TABLE = "table";
    public static final String RAW = "raw";
    public static final String JSON = "json";

    /** {@code --quiet}: IDs only. */
    public static final String QUIET = "{{.ID}}";

    /** {@code docker ps}'s default table. */
    public static final String CONTAINER_TABLE =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    /** {@code docker images}' default table. */
    public static final String IMAGE_TABLE =
            "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

    /** {@code docker images --digests}' default table. */
    public static final String IMAGE_TABLE_WITH_DIGEST =
            "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

    /**
     * The format {@code docker ps} uses for {@code --format source} ("" or "table" is the
     * default table), {@code --quiet} and {@code --size} ({@code NewContainerFormat}).
     */
    public static OutputFormat containers(String source, boolean quiet, boolean size) {
        String s = source == null ? "" : source;
        return switch (s) {
            case "", TABLE -> new OutputFormat(quiet ? QUIET : CONTAINER_TABLE + (size ? "\t{{.Size}}" : ""));
            case RAW -> new OutputFormat(quiet ? "container_id: {{.ID}}" : """
                    container_id: {{.ID}}
                    image: {{.Image}}
                    command: {{.Command}}
                    created_at: {{.CreatedAt}}
                    state: {{- pad .State 1 0}}
                    status: {{- pad .Status 1 0}}
                    names: {{.Names}}
                    labels: {{- pad .Labels 1 0}}
                    ports: {{- pad .Ports 1 0}}
                    """ + (size ? "size: {{.Size}}\\n" : ""));
            default -> new OutputFormat(quiet ? QUIET : s);
        };
    }

    /**
     * The format {@code docker images} uses for {@code --format source} ("" is taken as
     * "table"), {@code --quiet} and {@code --digests} ({@code NewImageFormat}): a custom table
     * gains a digest column with {@code --digests} unless it already shows one.
     */
    public static OutputFormat images(String source, boolean quiet, boolean digest) {
        String s = source == null || source.isEmpty() ? TABLE : source;
        return switch (s) {
            case TABLE -> new OutputFormat(quiet ? QUIET : digest ? IMAGE_TABLE_WITH_DIGEST : IMAGE_TABLE);
            case RAW -> new OutputFormat(quiet ? "image_id: {{.ID}}" : "repository: {{ .Repository }}\ntag: {{.Tag}}\n"
                    + (digest ? "digest: {{.Digest}}\n" : "") + "image_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n");
            default -> new OutputFormat(s.startsWith(TABLE) && digest && !s.contains("{{.Digest}}") ? s + "\t{{.Digest}}" : s);
        };
    }

    /** Whether rows are aligned under a header. */
    public boolean isTable() {
        return source.startsWith(TABLE);
    }

    /** Whether this is the bare {@code json} keyword (not a template using {@code json}). */
    public boolean isJson() {
        return source.equals(JSON);
    }

    /** Whether the format mentions {@code sub}, e.g. "{{.Size}}" to ask the daemon for sizes. */
    public boolean contains(String sub) {
        return source.contains(sub);
    }

    /** The template text that is executed per row ({@code templateString}). */
    public String templateText() {
        if (source.equals(TABLE)) {
            return "";
        }
        if (isJson()) {
            return "{{json .}}";
        }
        String out = source.startsWith(TABLE) ? source.substring(TABLE.length()) : source;
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) == ' ') {
            start++;
        }
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(start, end).replace("\\t", "\t").replace("\\n", "\n");
    }

    /**
     * Renders {@code rows}: each row's text and a newline; for a table, preceded by the header
     * line (the template run over {@code headers}, field name to column title) and aligned by
     * {@link TableWriter#docker()}. An empty list still prints a table's header.
     *
     * @throws TemplateException as docker reports it: "template parsing error: template: ..."
     */
    public String render(List<? extends JsonNode> rows, Map<String, String> headers) {
        GoTemplate template;
        try {
            template = GoTemplate.parse(templateText());
        } catch (TemplateException e) {
            throw new TemplateException("template parsing error: " + e.getMessage());
        }
        StringBuilder body = new StringBuilder();
        for (JsonNode row : rows) {
            try {
                body.append(template.execute(row)).append('\n');
            } catch (TemplateException e) {
                throw new TemplateException("template parsing error: " + e.getMessage());
            }
        }
        if (!isTable()) {
            return body.toString();
        }
        return TableWriter.docker().align(template.executeHeader(headers) + "\n" + body);
    }
}
