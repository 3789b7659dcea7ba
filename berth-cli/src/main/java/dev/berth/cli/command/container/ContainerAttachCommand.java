package dev.berth.cli.command.container;

import dev.berth.api.client.ApiStream;
import dev.berth.api.client.AttachOptions;
import dev.berth.api.client.ContainersClient;
import dev.berth.api.client.PendingWait;
import dev.berth.api.client.WaitCondition;
import dev.berth.api.stream.DetachKeys;
import dev.berth.api.types.container.ContainerInspect;
import dev.berth.api.types.container.WaitResponse;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth attach}: connect to a running container's output (and its stdin when it
 * was created with -i), with its TTY in raw mode when it has one; exit with the
 * container's code, or (as docker) 1 with "read escape sequence" when the user detaches
 * with the detach keys.
 */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container")
public final class ContainerAttachCommand extends BerthCommand {

    @Mixin
    AttachFlags flags = new AttachFlags();

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        ContainersClient containers = client().containers();
        ContainerInspect c = containers.inspect(container);
        if (c.state() == null || !c.state().running()) {
            throw new CliFailure(1, "You cannot attach to a stopped container, start it first");
        }
        boolean tty = c.config() != null && c.config().isTty();
        boolean stdin = !flags.noStdin && c.config() != null && c.config().isOpenStdin();
        DetachKeys keys = stdin && tty ? AttachedSession.detachKeys(flags.detachKeys) : null;  // as docker: keys only on a TTY
        PendingWait wait = containers.await(c.id(), WaitCondition.NEXT_EXIT);
        ApiStream stream = containers.attach(c.id(), new AttachOptions(stdin, true, true, true, false, flags.detachKeys));
        SignalProxy proxy = flags.sigProxy && !tty ? SignalProxy.forward(signal -> {
            try {
                containers.kill(c.id(), signal);
            } catch (IOException e) {
                err().println("berth: failed to forward signal " + signal + ": " + e.getMessage());
            }
        }) : null;
        try (stream) {
            if (AttachedSession.exchange(ctx(), stream, tty, stdin, keys,
                    (rows, columns) -> containers.resize(c.id(), rows, columns))) {
                wait.close();
                return AttachedSession.detachedByKeys(ctx());
            }
            WaitResponse result = wait.result();
            return (int) result.statusCode();
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
