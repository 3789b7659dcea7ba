package dev.berth.cli.command.container;

import picocli.CommandLine.Command;

/** {@code berth create}: create a container and print its full ID. */
@Command(name = "create", description = "Create a new container",
        customSynopsis = "berth create [OPTIONS] IMAGE [COMMAND] [ARG...]")
public final class ContainerCreateCommand extends CreateOptions {

    @Override
    boolean attached() {
        return true;
    }

    @Override
    public Integer call() {
        CreateRequest request;
        try {
            request = toRequest();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw RunFailure.of(e.getMessage(), "create");
        }
        out().println(ContainerCreator.create(ctx(), request, pull, "create"));
        return 0;
    }
}
