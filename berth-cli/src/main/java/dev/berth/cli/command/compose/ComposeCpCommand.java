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
 * {@code berth compose cp SERVICE:SRC DEST} and {@code cp SRC SERVICE:DEST}: berth's own
 * {@code cp} on the service's container ({@code --index}, 1 by default; copying into a
 * service with {@code --all} goes to every replica), so archives, links and ownership behave
 * exactly as there.
 */
@Command(name = "cp", description = "Copy files/folders between a service container and the local filesystem")
public final class ComposeCpCommand extends ComposeCommand {

    @Option(names = "--index", defaultValue = "0", description = "Index of the container if service has multiple replicas")
    int index;

    @Option(names = "--all", description = "Include containers created by the run command (copy to every replica)")
    boolean all;

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
    boolean followLink;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String destination;

    @Override
    public Integer call() throws IOException {
        boolean fromService = serviceOf(source) != null;
        if (fromService == (serviceOf(destination) != null)) {
            throw new CliFailure(1, "copying between services is not supported: one of SRC and DEST must be SERVICE:PATH"
                    + " and the other a local path");
        }
        String spec = fromService ? source : destination;
        String service = serviceOf(spec);
        String path = spec.substring(service.length() + 1);
        String name = requiredProjectName();
        List<ProjectContainer> candidates = containers(name, true, List.of(service));
        List<ProjectContainer> targets = candidates.stream()
                .filter(c -> index > 0 ? c.number() == index : all && !fromService || c.number() == 1).toList();
        if (targets.isEmpty()) {
            throw new CliFailure(1, "no container found for service \"" + service + "\"");
        }
        int code = 0;
        for (ProjectContainer c : targets) {
            List<String> args = new ArrayList<>(List.of("cp"));
            if (archive) {
                args.add("-a");
            }
            if (followLink) {
                args.add("-L");
            }
            args.add(fromService ? c.id() + ":" + path : source);
            args.add(fromService ? destination : c.id() + ":" + path);
            code = Math.max(code, Main.run(args.toArray(String[]::new), ctx()));
        }
        return code;
    }

    /** The service of {@code SERVICE:PATH}; null for a local path (absolute, relative, or "-"). */
    static String serviceOf(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || spec.startsWith("/") || spec.startsWith(".")) {
            return null;
        }
        return spec.substring(0, colon);
    }
}
