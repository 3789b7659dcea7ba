package dev.berth.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A real terminal for tests: a private tmux server (its own socket, {@code -L}) with one
 * window running a shell command. Keys go in with send-keys; what the terminal shows comes
 * back from capture-pane, polled with a deadline. {@link #close()} kills the server.
 */
public final class Tmux implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String socket = "berth-it-" + UUID.randomUUID().toString().substring(0, 8);

    private Tmux() {
    }

    /** Starts a {@code columns} x {@code rows} terminal running {@code shellCommand}. */
    public static Tmux start(int columns, int rows, String shellCommand) {
        Tmux tmux = new Tmux();
        // The window stays after the command ends, so its last output can still be read.
        tmux.tmux("new-session", "-d", "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                shellCommand + "; sleep 600").assertSuccess();
        return tmux;
    }

    public void sendLine(String text) {
        tmux("send-keys", "-t", "0", "-l", text).assertSuccess();
        tmux("send-keys", "-t", "0", "Enter").assertSuccess();
    }

    /** Sends tmux key names, e.g. {@code C-c}. */
    public void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new)).assertSuccess();
    }

    public void resize(int columns, int rows) {
        tmux("resize-window", "-t", "0", "-x", Integer.toString(columns), "-y", Integer.toString(rows)).assertSuccess();
    }

    public String screen() {
        return tmux("capture-pane", "-p", "-t", "0", "-S", "-200").stdout();
    }

    /** Waits until the screen matches {@code regex} (multiline); returns the screen. */
    public String await(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        String[] last = {""};
        try {
            Await.until("the terminal to show /" + regex + "/", TIMEOUT, () -> {
                last[0] = screen();
                return pattern.matcher(last[0]).find();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the terminal shows:\n" + screen(), e);
        }
        return last[0];
    }

    /**
     * Types {@code line} until the screen matches {@code regex}: for effects that reach the
     * container by another path than the keys (a resize travels as its own API call, and
     * may land after the next keys did).
     */
    public String retypeUntil(String line, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            sendLine(line);
            long round = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < round) {
                String shown = screen();
                if (pattern.matcher(shown).find()) {
                    return shown;
                }
            }
        }
        throw new AssertionError("the terminal never showed /" + regex + "/ after typing " + line + ":\n" + screen());
    }

    /** Single-quotes {@code word} for sh. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private CommandResult tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, Map.of(), null, 30);
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
