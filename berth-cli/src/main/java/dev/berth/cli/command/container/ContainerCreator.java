package dev.berth.cli.command.container;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.types.container.ContainerCreateResponse;
import dev.berth.cli.CliContext;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;

/**
 * Create as run and create do it: on "not found" with a pull policy other than never, say
 * "Unable to find image 'x:latest' locally" (berth has no registry yet, so the daemon's error
 * follows); print the daemon's warnings.
 */
final class ContainerCreator {

    private ContainerCreator() {
    }

    static String create(CliContext ctx, CreateRequest request, String pull, String command) {
        if (!pull.equals("missing") && !pull.equals("never") && !pull.equals("always")) {
            throw failure("invalid pull option: '" + pull + "': must be one of \"always\", \"missing\" or \"never\"", command);
        }
        EngineClient client = ctx.client();
        try {
            ContainerCreateResponse created = client.containers().create(request.name(), request.body());
            if (created.warnings() != null) {
                for (String w : created.warnings()) {
                    ctx.err().println("WARNING: " + w);
                }
            }
            return created.id();
        } catch (ApiException e) {
            if (e.isNotFound() && !pull.equals("never")) {
                ctx.err().println("Unable to find image '" + withDefaultTag(request.image()) + "' locally");
            }
            throw failure(BerthCommand.describe(e), command);
        } catch (IOException e) {
            throw failure(BerthCommand.describe(e), command);
        }
    }

    /**
     * docker's run reports a failed create as its own error (prefixed, 125/126/127); docker's
     * create returns it as a plain error: the message alone and status 1.
     */
    private static CliFailure failure(String text, String command) {
        return command.equals("create") ? new CliFailure(1, text) : RunFailure.of(text, command);
    }

    /** docker's familiar form: a reference without tag or digest means :latest. */
    static String withDefaultTag(String image) {
        if (image.contains("@")) {
            return image;
        }
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
    }
}
