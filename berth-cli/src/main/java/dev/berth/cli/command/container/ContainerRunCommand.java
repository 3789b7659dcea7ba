package dev.berth.cli.command.container;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth run}: create, then (unless -d) attach and register the wait before start,
 * start, copy the output and exit with the container's code. Daemon refusals exit 125,
 * 126 or 127 as docker's do.
 */
@Command(name = "run", description = "Create and run a new container from an image",
        customSynopsis = "berth run [OPTIONS] IMAGE [COMMAND] [ARG...]")
public final class ContainerRunCommand extends CreateOptions {

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
    boolean detach;

    @Option(names = "--sig-proxy", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Proxy received signals to the process")
    boolean sigProxy;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container")
    String detachKeys;

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
        return AttachedSession.run(ctx(), id, tty, interactive, autoRemove, sigProxy, () -> start(id));
    }

    private void start(String id) {
        try {
            client().containers().start(id);
        } catch (IOException e) {
            throw RunFailure.of(e, "run");
        }
    }
}
