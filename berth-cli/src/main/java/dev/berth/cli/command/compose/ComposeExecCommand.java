package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.cli.Main;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose exec SERVICE CMD}: berth's own {@code exec} on the service's container
 * (number {@code --index}, 1 by default), interactive with a TTY as compose defaults to
 * ({@code -T} turns the TTY off; without a terminal on stdin there is none either).
 */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ComposeExecCommand extends ComposeCommand {

    @Option(names = {"-T", "--no-TTY", "--no-tty"}, description = "Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY")
    boolean noTty;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: Run command in the background")
    boolean detach;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, description = "Run the command as this user")
    String user;

    @Option(names = {"-w", "--workdir"}, description = "Path to workdir directory for this command")
    String workdir;

    @Option(names = "--privileged", description = "Give extended privileges to the process")
    boolean privileged;

    @Option(names = "--index", defaultValue = "1", description = "Index of the container if service has multiple replicas")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command;

    @Override
    public Integer call() throws IOException {
        String name = requiredProjectName();
        ProjectContainer target = containers(name, false, List.of(service)).stream()
                .filter(c -> c.number() == index).findFirst()
                .orElseThrow(() -> new CliFailure(1, "service \"" + service + "\" is not running"));
        List<String> args = new ArrayList<>(List.of("exec"));
        if (detach) {
            args.add("-d");
        } else {
            args.add("-i");
            if (!noTty && ctx().stdinIsTerminal()) {
                args.add("-t");
            }
        }
        env.forEach(e -> args.addAll(List.of("-e", e)));
        if (user != null) {
            args.addAll(List.of("-u", user));
        }
        if (workdir != null) {
            args.addAll(List.of("-w", workdir));
        }
        if (privileged) {
            args.add("--privileged");
        }
        args.add(target.id());
        args.addAll(command);
        return Main.run(args.toArray(String[]::new), ctx());
    }
}
