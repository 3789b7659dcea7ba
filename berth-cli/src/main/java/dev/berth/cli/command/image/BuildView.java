package dev.berth.cli.command.image;

import java.io.PrintStream;

/**
 * How {@code berth build} shows the daemon's build output ({@code --progress}): {@code plain}
 * prints the classic builder's lines as they come; {@code tty} (and {@code auto} on a
 * terminal) keeps a live view. Fed from one thread.
 */
interface BuildView {

    /** A piece of the build's text stream (it carries its own newlines). */
    void accept(String text);

    /** The build ended; {@code ok} false when an error follows (the view shows what led to it). */
    void finish(boolean ok);

    /** The view {@code mode} names: plain, tty, or auto (tty when stdout is a terminal). */
    static BuildView of(String mode, boolean terminal, int columns, PrintStream out) {
        String m = mode == null || mode.isEmpty() ? "auto" : mode;
        return switch (m) {
            case "plain" -> plain(out);
            case "tty" -> new LiveBuildView(out, columns, System::nanoTime).ticking();
            case "auto" -> terminal ? new LiveBuildView(out, columns, System::nanoTime).ticking() : plain(out);
            default -> throw new dev.berth.cli.CliFailure(125, "invalid argument \"" + mode
                    + "\" for \"--progress\" flag: must be one of auto, plain or tty");
        };
    }

    private static BuildView plain(PrintStream out) {
        return new BuildView() {
            @Override
            public void accept(String text) {
                out.print(text);
                out.flush();
            }

            @Override
            public void finish(boolean ok) {
                out.flush();
            }
        };
    }
}
