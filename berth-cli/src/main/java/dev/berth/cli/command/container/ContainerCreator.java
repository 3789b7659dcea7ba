package dev.berth.cli.command.container;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.types.container.ContainerCreateResponse;
import dev.berth.cli.CliContext;
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
            throw RunFailure.of("invalid pull option: '" + pull + "': must be one of \"always\", \"missing\" or \"never\"", command);
        }
        EngineClient client = ctx.client();
        try {
            ContainerCreateResponse created = client.containers().create(request.name(), request.config(), request.hostConfig());
            if (created.warnings() != null) {
                for (String w : created.warnings()) {
                    ctx.err().println("WARNING: " + w);
                }
            }
            return created.id();
        } catch (ApiException e) {
            if (e.isNotFound() && !pull.equals("never")) {
                ctx.err().println("Unable to find image '" + withDefaultTag(request.config().image()) + "' locally");
            }
            throw RunFailure.of(e, command);
        } catch (IOException e) {
            throw RunFailure.of(e, command);
        }
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
