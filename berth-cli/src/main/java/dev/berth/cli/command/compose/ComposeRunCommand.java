package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.cli.Main;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.OneOff;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose run SERVICE [CMD]}: a one-off container {@code <project>-<service>-run-<id>}
 * (dependencies brought up first unless {@code --no-deps}), then attached as berth's
 * {@code start -a} does; {@code -d} prints its name instead.
 */
@Command(name = "run", description = "Run a one-off command on a service")
public final class ComposeRunCommand extends ComposeCommand {

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
    boolean detach;

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean remove;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation (default: auto-detected)")
    boolean noTty;

    @Option(names = {"-i", "--interactive"}, defaultValue = "true", description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-u", "--user"}, description = "Run as specified username or uid")
    String user;

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
    String workdir;

    @Option(names = "--entrypoint", description = "Override the entrypoint of the image")
    String entrypoint;

    @Option(names = "--name", description = "Assign a name to the container")
    String name;

    @Option(names = {"-P", "--service-ports"}, description = "Run command with all service's ports enabled and mapped to the host")
    boolean servicePorts;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(List.of(service));
        boolean tty = !noTty && !detach && ctx().stdinIsTerminal();
        boolean stdin = interactive && !detach;
        OneOff.Options options = new OneOff.Options(command, env, user, workdir, entrypoint, tty, stdin, remove,
                servicePorts, name);
        OneOff.Created created;
        try {
            created = new OneOff(actions(), images(), files()).create(project, service, options, noDeps);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        if (detach) {
            client().containers().start(created.id());
            out().println(created.name());
            return 0;
        }
        List<String> args = new ArrayList<>(List.of("start", "-a"));
        if (stdin) {
            args.add("-i");
        }
        args.add(created.id());
        return Main.run(args.toArray(String[]::new), ctx());
    }
}
