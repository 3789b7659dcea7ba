package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.format.GoTemplate;
import dev.berth.cli.format.OutputFormat;
import dev.berth.cli.format.TemplateException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * How list and inspect commands print, over {@link dev.berth.cli.format}: the rendering is
 * the format package's; this class adds only the CLI's side (streams, and a template error
 * becoming the command's failure with docker's message).
 */
public final class Output {

    private Output() {
    }

    /**
     * Prints {@code rows} with {@code format} ({@link OutputFormat#render}); {@code headers}
     * maps each field to its column title.
     */
    public static void list(PrintStream out, OutputFormat format, List<? extends JsonNode> rows, Map<String, String> headers) {
        String text;
        try {
            text = format.render(rows, headers);
        } catch (TemplateException e) {
            throw new CliFailure(1, e.getMessage());
        }
        out.print(text);
        out.flush();
    }

    /**
     * A user's {@code -f} template for {@code inspect}, {@code version} and {@code info}: parse it
     * before asking the daemon anything, as docker does. {@code \t} and {@code \n} in it are
     * the characters.
     *
     * @throws CliFailure with docker's status 64 and "template parsing error: ..."
     */
    public static GoTemplate template(String format) {
        try {
            return GoTemplate.parse(format.replace("\\t", "\t").replace("\\n", "\n"));
        } catch (TemplateException e) {
            throw new CliFailure(64, "template parsing error: " + e.getMessage());
        }
    }

    /** Applies {@code template} to one object and prints the result on its own line. */
    public static void each(PrintStream out, GoTemplate template, JsonNode data) {
        String text;
        try {
            text = template.execute(data);
        } catch (TemplateException e) {
            throw new CliFailure(1, e.getMessage());
        }
        out.println(text);
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
            raw.append(new String(objects.get(i), StandardCharsets.UTF_8));
        }
        raw.append(']');
        out.println(JsonIndent.indent(raw, "    "));
    }
}
