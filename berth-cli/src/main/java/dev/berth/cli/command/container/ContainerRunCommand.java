package dev.berth.cli.command.container;

import java.io.IOException;
import dev.berth.cli.command.SpecBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code berth run}: create, then (unless -d) attach and register the wait before start,
 * start, copy the output and exit with the container's code. Daemon refusals exit 125,
 * 126 or 127 as docker's do.
 */
public final class ContainerRunCommand extends CreateOptions {

    boolean detach;

    boolean sigProxy;

    String detachKeys;

    @Override
    public CommandSpec spec() {
        return declare(new SpecBuilder(this, "run", "Create and run a new container from an image")
                .synopsis("berth run [OPTIONS] IMAGE [COMMAND] [ARG...]"))
                .flag("Run container in background and print container ID", "detach", v -> detach = v, "-d", "--detach")
                .add(OptionSpec.builder("--sig-proxy").type(boolean.class).arity("0..1").defaultValue("true")
                        .fallbackValue("true"), "Proxy received signals to the process", "sigProxy", false,
                        v -> sigProxy = v)
                .value(String.class, "Override the key sequence for detaching a container", "detachKeys",
                        v -> detachKeys = v, "--detach-keys")
                .build();
    }

    @Override
    boolean attached() {
        return !detach;
    }

    @Override
    public Integer call() throws IOException {
        CreateRequest request;
        try {
            request = toRequest();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw RunFailure.of(e.getMessage(), "run");
        }
        String id = ContainerCreator.create(ctx(), request, pull, "run");
        if (detach) {
            start(id);
            out().println(id);
            return 0;
        }
        return AttachedSession.run(ctx(), id, tty, interactive, autoRemove, sigProxy, detachKeys, () -> start(id));
    }

    private void start(String id) {
        try {
            client().containers().start(id);
        } catch (IOException e) {
            throw RunFailure.of(e, "run");
        }
    }
}
