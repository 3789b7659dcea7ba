package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.interim.GoTemplate;
import dev.berth.cli.interim.TableWriter;
import java.io.PrintStream;
import java.util.List;

/**
 * How list and inspect commands print, as docker's formatter does: {@code --format} is
 * {@code table [TEMPLATE]} (a header row, then rows, through the tab writer), {@code json}
 * (one JSON object a line) or a Go template applied to each row. {@code \t} and {@code \n}
 * in a format are the characters, as docker reads them.
 *
 * <p>All calls into the template engine and table writer go through here.
 */
public final class Output {

    private Output() {
    }

    /**
     * Prints {@code rows}. {@code format} is the user's (null or blank for the default),
     * {@code defaultTable} the command's {@code table ...} format, {@code headers} the row
     * with each field's column title.
     */
    public static void list(PrintStream out, String format, String defaultTable, JsonNode headers, List<JsonNode> rows) {
        String f = format == null || format.isBlank() ? defaultTable : format;
        if (f.equals("json")) {
            for (JsonNode row : rows) {
                out.println(row.toString());
            }
            return;
        }
        boolean table = f.startsWith("table");
        if (table) {
            f = f.substring("table".length());
            if (f.isBlank()) {
                f = defaultTable.substring("table".length());
            }
        }
        GoTemplate template = parse(f.strip());
        if (!table) {
            for (JsonNode row : rows) {
                out.println(template.execute(row));
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        TableWriter writer = new TableWriter(sb);
        writer.write(template.execute(headers) + "\n");
        for (JsonNode row : rows) {
            writer.write(template.execute(row) + "\n");
        }
        writer.flush();
        out.print(sb);
        out.flush();
    }

    /** Applies a user template to one object and prints the result on its own line. */
    public static void each(PrintStream out, String format, JsonNode data) {
        out.println(parse(format).execute(data));
    }

    public static GoTemplate parse(String format) {
        return GoTemplate.parse(format.replace("\\t", "\t").replace("\\n", "\n"));
    }

    /** docker's inspect output: the daemon's objects in a JSON array, indented by 4 spaces. */
    public static void jsonArray(PrintStream out, List<byte[]> objects) {
        if (objects.isEmpty()) {
            out.println("[]");
            return;
        }
        StringBuilder raw = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                raw.append(',');
            }
            raw.append(new String(objects.get(i), java.nio.charset.StandardCharsets.UTF_8));
        }
        raw.append(']');
        out.println(JsonIndent.indent(raw, "    "));
    }
}
