package dev.berth.cli.command.registry;

import dev.berth.cli.CliContext;
import java.io.IOException;
import java.io.PrintStream;

/** Pulls an image through the daemon with the stored credentials; shared by pull, run and create. */
public final class ImagePuller {

    private ImagePuller() {
    }

    /**
     * Pulls {@code image} ({@code name[:tag|@digest]}), printing progress to {@code out} (null
     * for none). Returns the stream's last status line.
     */
    public static String pull(CliContext ctx, String image, String platform, PrintStream out) throws IOException {
        String name = image;
        String tag = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            name = image.substring(0, at);
            tag = image.substring(at + 1);
        } else {
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                name = image.substring(0, colon);
                tag = image.substring(colon + 1);
            }
        }
        String auth = new RegistryCredentials(ctx).headerFor(name);
        return ProgressPrinter.print(ctx.client().distribution().pull(name, tag == null ? "latest" : tag,
                platform, auth), out);
    }
}
