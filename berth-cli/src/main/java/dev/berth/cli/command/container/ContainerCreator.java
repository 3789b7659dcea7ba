package dev.berth.cli.command.container;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.types.container.ContainerCreateResponse;
import dev.berth.cli.CliContext;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.registry.ImagePuller;
import java.io.IOException;

/**
 * Create as run and create do it: on "not found" with a pull policy other than never, say
 * "Unable to find image 'x:latest' locally", pull it (progress on stderr, as docker) and create
 * again; {@code always} pulls first. Print the daemon's warnings.
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
            if (pull.equals("always")) {
                ImagePuller.pull(ctx, request.image(), null, ctx.err());
            }
            try {
                return created(ctx, client.containers().create(request.name(), request.body()));
            } catch (ApiException e) {
                if (!e.isNotFound() || pull.equals("never") || pull.equals("always")
                        || !e.getMessage().contains("No such image")) {
                    throw e;
                }
                ctx.err().println("Unable to find image '" + withDefaultTag(request.image()) + "' locally");
                ImagePuller.pull(ctx, request.image(), null, ctx.err());
                return created(ctx, client.containers().create(request.name(), request.body()));
            }
        } catch (CliFailure e) {
            throw failure(e.getMessage(), command);
        } catch (IOException e) {
            throw failure(BerthCommand.describe(e), command);
        }
    }

    private static String created(CliContext ctx, ContainerCreateResponse created) {
        if (created.warnings() != null) {
            for (String w : created.warnings()) {
                ctx.err().println("WARNING: " + w);
            }
        }
        return created.id();
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
