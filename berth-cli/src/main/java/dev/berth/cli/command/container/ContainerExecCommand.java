package dev.berth.cli.command.container;

import dev.berth.api.client.ApiStream;
import dev.berth.api.client.ExecClient;
import dev.berth.api.stream.DetachKeys;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.types.exec.ExecInspect;
import dev.berth.api.types.exec.ExecStartRequest;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth exec}: as docker's CLI does it: inspect the container (so "No such container"
 * wins), create the exec, then either start it detached or hijack its start, copy the
 * output until the daemon closes the stream, and exit with the exec's recorded exit code.
 */
@Command(name = "exec", description = "Execute a command in a running container",
        customSynopsis = "berth exec [OPTIONS] CONTAINER COMMAND [ARG...]")
public final class ContainerExecCommand extends BerthCommand {

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
    boolean tty;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
    boolean detach;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
    String user;

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
    String workdir;

    @Option(names = "--privileged", description = "Give extended privileges to the command")
    boolean privileged;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container")
    String detachKeys;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command;

    @Override
    public Integer call() throws IOException {
        String id = client().containers().inspect(container).id();
        List<Integer> consoleSize = tty ? TerminalSession.currentSize().map(s -> List.of(s.rows(), s.columns()))
                .orElse(null) : null;
        ExecCreateRequest request = new ExecCreateRequest(user, privileged, tty, consoleSize, interactive && !detach,
                !detach, !detach, detachKeys, environment(env), workdir, command);
        ExecClient execs = client().execs();
        String execId = execs.create(id, request);
        if (detach) {
            execs.startDetached(execId);
            return 0;
        }
        DetachKeys keys = interactive && tty ? AttachedSession.detachKeys(detachKeys) : null;  // as docker: keys only on a TTY
        try (ApiStream stream = execs.startAttached(execId, new ExecStartRequest(false, tty, consoleSize))) {
            if (AttachedSession.exchange(ctx(), stream, tty, interactive, keys,
                    (rows, columns) -> execs.resize(execId, rows, columns))) {
                return AttachedSession.detachedByKeys(ctx());
            }
        }
        ExecInspect result = execs.inspect(execId);
        return result.exitCode() == null ? 0 : result.exitCode();
    }

    /** docker's {@code -e NAME} takes NAME's value from this environment when set. */
    static List<String> environment(List<String> given) {
        List<String> env = new ArrayList<>();
        for (String e : given) {
            if (e.contains("=")) {
                env.add(e);
            } else if (System.getenv(e) != null) {
                env.add(e + "=" + System.getenv(e));
            } else {
                env.add(e);
            }
        }
        return env;
    }
}
