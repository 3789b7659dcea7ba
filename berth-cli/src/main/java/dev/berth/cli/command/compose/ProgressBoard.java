package dev.berth.cli.command.compose;

import dev.berth.compose.project.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines compose redraws on a terminal: a header {@code [+] Running 3/4} (finished of all),
 * then one line per resource in the order first seen, {@code " ✔ Container app-web-1  Started  0.4s"},
 * with a spinner while it is being worked on, names padded to the longest and the time it
 * took (still taking) on the right. Pure: the caller supplies the clock and draws the lines.
 */
final class ProgressBoard {

    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private record Entry(Progress.State state, String text, long started, long ended) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final boolean colour;

    ProgressBoard(boolean colour) {
        this.colour = colour;
    }

    /** Records {@code resource}'s new state at {@code now} (nanoseconds, any origin). */
    void update(String resource, Progress.State state, String text, long now) {
        Entry previous = entries.get(resource);
        long started = previous == null || previous.state() != Progress.State.WORKING ? now : previous.started();
        entries.put(resource, new Entry(state, text, started, state == Progress.State.WORKING ? -1 : now));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether anything is still being worked on (then the spinner needs redrawing). */
    boolean working() {
        return entries.values().stream().anyMatch(e -> e.state() == Progress.State.WORKING);
    }

    /** The header and one line per resource; {@code frame} picks the spinner's glyph. */
    List<String> render(long now, int frame) {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        int textWidth = entries.values().stream().mapToInt(e -> e.text().length()).max().orElse(0);
        long finished = entries.values().stream().filter(e -> e.state() != Progress.State.WORKING).count();
        List<String> lines = new ArrayList<>();
        String header = "[+] Running " + finished + "/" + entries.size();
        lines.add(colour && finished == entries.size() ? "\033[34m" + header + "\033[0m" : header);
        entries.forEach((resource, e) -> {
            long end = e.ended() < 0 ? now : e.ended();
            String seconds = String.format("%.1fs", Math.max(0, end - e.started()) / 1e9);
            lines.add(" " + glyph(e.state(), frame) + " " + pad(resource, width) + " " + pad(e.text(), textWidth) + " "
                    + (colour ? "\033[34m" + seconds + "\033[0m" : seconds));
        });
        return lines;
    }

    /** One finished step on its own, never redrawn: {@code " ✔ Container app-web-1  Stopped"}. */
    String line(String resource, Progress.State state, String text) {
        return " " + glyph(state, 0) + " " + resource + "  " + text;
    }

    private String glyph(Progress.State state, int frame) {
        return switch (state) {
            case WORKING -> String.valueOf(SPINNER.charAt(Math.floorMod(frame, SPINNER.length())));
            case DONE -> colour ? "\033[32m✔\033[0m" : "✔";
            case WARNING -> colour ? "\033[33m!\033[0m" : "!";
            case ERROR -> colour ? "\033[31m✘\033[0m" : "✘";
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
