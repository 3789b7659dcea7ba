package dev.berth.cli.command.container;

import dev.berth.cli.command.SpecBuilder;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth create}: create a container and print its full ID. */
public final class ContainerCreateCommand extends CreateOptions {

    @Override
    public CommandSpec spec() {
        return declare(new SpecBuilder(this, "create", "Create a new container")
                .synopsis("berth create [OPTIONS] IMAGE [COMMAND] [ARG...]"))
                .build();
    }

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
