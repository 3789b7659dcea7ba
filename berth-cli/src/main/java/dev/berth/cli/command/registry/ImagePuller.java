package dev.berth.cli.command.registry;

import dev.berth.cli.CliContext;
import dev.berth.cli.CliFailure;
import java.io.IOException;
import java.io.PrintStream;

/** Pulls an image through the daemon with the stored credentials; shared by pull, run and create. */
public final class ImagePuller {

    private ImagePuller() {
    }

    /**
     * Pulls {@code image} ({@code name[:tag|@digest]}, {@code latest} when it has neither),
     * printing progress to {@code out} (null for none). Returns the stream's last status line.
     */
    public static String pull(CliContext ctx, String image, String platform, PrintStream out) throws IOException {
        Reference r = Reference.split(image);
        return pull(ctx, r.name(), r.tag() == null ? "latest" : r.tag(), platform, out, false);
    }

    /**
     * Pulls {@code name} at {@code tag} (a tag or digest; null for every tag), with live
     * per-layer lines when {@code out} is a terminal; on a 401 {@code askLogin} offers a login.
     */
    static String pull(CliContext ctx, String name, String tag, String platform, PrintStream out, boolean askLogin)
            throws IOException {
        boolean terminal = out != null && (out == ctx.err() ? ctx.stderrIsTerminal() : ctx.stdoutIsTerminal());
        LoginPrompt.Attempt<String> attempt = auth -> ProgressPrinter.print(
                ctx.client().distribution().pull(name, tag, platform, auth), out, terminal);
        if (!askLogin) {
            return attempt.run(new RegistryCredentials(ctx).headerFor(name));
        }
        return LoginPrompt.withRetry(ctx, name, "pull", attempt);
    }

    /** {@code name[:tag|@digest]} split into the repository and the tag or digest (null when absent). */
    record Reference(String name, String tag) {
        static Reference split(String image) {
            int at = image.indexOf('@');
            if (at >= 0) {
                return new Reference(image.substring(0, at), image.substring(at + 1));
            }
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                return new Reference(image.substring(0, colon), image.substring(colon + 1));
            }
            return new Reference(image, null);
        }

        /**
         * The tag to send, as docker's CLI picks it: none with {@code allTags} (a tag given then
         * is an error), else the one given or {@code latest}, announced on {@code notice} (may be null).
         */
        String tagFor(boolean allTags, PrintStream notice) {
            if (allTags && tag != null) {
                throw new CliFailure(1, "tag can't be used with --all-tags/-a");
            }
            if (allTags || tag != null) {
                return tag;
            }
            if (notice != null) {
                notice.println("Using default tag: latest");
            }
            return "latest";
        }
    }
}
