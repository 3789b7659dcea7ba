package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.registry.RegistryCredentials;
import dev.berth.compose.loader.LoadOptions;
import dev.berth.compose.loader.ProjectLoader;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.project.ContainerActions;
import dev.berth.compose.project.Progress;
import dev.berth.compose.project.ProjectContainer;
import dev.berth.compose.project.ProjectContainers;
import dev.berth.compose.project.ProjectFiles;
import dev.berth.compose.project.ServiceImages;
import dev.berth.compose.project.ServiceSelection;
import dev.berth.compose.project.Up;
import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.ParentCommand;

/**
 * A compose verb: the group's global flags, the project loaded from them, and the runtime's
 * parts wired to this CLI's client, progress and credentials.
 */
abstract class ComposeCommand extends BerthCommand {

    private static final List<String> FILE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    @ParentCommand
    ComposeGroupCommand group;

    private Progress progress;

    protected ComposeGroupCommand group() {
        return group;
    }

    /** Loads the project, enabling {@code services} whatever their profiles; errors name the file and key. */
    protected Project project(Collection<String> services) {
        Path cwd = Path.of("").toAbsolutePath();
        LoadOptions options = LoadOptions.of(cwd, ctx().environment())
                .withFiles(group.files.stream().map(f -> cwd.resolve(f)).toList())
                .withProjectDirectory(group.projectDirectory == null ? null : cwd.resolve(group.projectDirectory))
                .withProjectName(group.projectName)
                .withProfiles(group.profiles)
                .withEnvFiles(group.envFiles.stream().map(f -> cwd.resolve(f)).toList())
                .withServices(List.copyOf(services))
                .withWarnings(w -> progress().warning(w));
        try {
            return new ProjectLoader().load(options);
        } catch (UncheckedIOException e) {
            throw new CliFailure(1, e.getCause().getMessage());
        } catch (RuntimeException e) {
            throw new CliFailure(1, e.getMessage());
        }
    }

    /**
     * The project when a file can be found; null when there is none but {@code -p} names the
     * project: then the verb works from the containers' labels, as compose's down/ps/logs do.
     */
    protected Project projectIfAny(Collection<String> services) {
        if (group.files.isEmpty() && projectNameWithoutFile() != null && !discoverable()) {
            return null;
        }
        return project(services);
    }

    /** The project's name: from the file when there is one, else -p or COMPOSE_PROJECT_NAME. */
    protected String projectName(Project project) {
        return project != null ? project.name() : projectNameWithoutFile();
    }

    private String projectNameWithoutFile() {
        if (group.projectName != null) {
            return group.projectName;
        }
        String env = ctx().env("COMPOSE_PROJECT_NAME");
        return env == null || env.isBlank() ? null : env;
    }

    private boolean discoverable() {
        if (ctx().env("COMPOSE_FILE") != null) {
            return true;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String name : FILE_NAMES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    protected Progress progress() {
        if (progress == null) {
            boolean terminal = ctx().stdoutIsTerminal();
            progress = ComposeProgress.of(err(), group.progress, terminal, !"never".equals(group.ansi));
        }
        return progress;
    }

    protected ContainerActions actions() {
        return new ContainerActions(client(), progress());
    }

    protected ServiceImages images() {
        RegistryCredentials credentials = new RegistryCredentials(ctx());
        return new ServiceImages(client(), progress(), name -> {
            try {
                return credentials.headerFor(name);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Where config and secret contents are written: {@code BERTH_COMPOSE_DIR} or ~/.berth/compose. */
    protected ProjectFiles files() {
        String dir = ctx().env("BERTH_COMPOSE_DIR");
        return new ProjectFiles(dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".berth", "compose"));
    }

    /** Converges the project as {@code up} does; the project's refusals end the command with 1 and their words. */
    protected Map<String, List<ProjectContainer>> converge(Project project, UpOptions options)
            throws IOException, InterruptedException {
        try {
            return new Up(actions(), images(), files()).run(project, options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(1, e.getMessage());
        }
    }

    /** Starts watching {@code services} of {@code project} (see {@link WatchSession}), compose's messages on stdout. */
    protected WatchSession startWatch(Project project, List<String> services, boolean prune) {
        dev.berth.compose.watch.Watch watch = new dev.berth.compose.watch.Watch(actions(), images(), files(), line -> {
            synchronized (out()) {
                out().println(line);
                out().flush();
            }
        });
        return WatchSession.start(watch, project, services, prune, err());
    }

    /** The selected {@code services} (all when empty) that {@code having} holds for, in the file's order. */
    protected static List<Service> selected(Project project, List<String> services, Predicate<Service> having) {
        return ServiceSelection.of(project, services, false).stream().filter(having).toList();
    }

    /** The project's containers of {@code services} (all when empty), stopped ones too when {@code all}. */
    protected List<ProjectContainer> containers(String project, boolean all, Collection<String> services) throws IOException {
        return new ProjectContainers(client()).list(project, all, ProjectContainers.OneOff.EXCLUDE, services);
    }

    /** Containers ordered by the project's start order (when known), for start; reversed for stop. */
    protected static List<ProjectContainer> inStartOrder(Project project, List<ProjectContainer> containers) {
        if (project == null) {
            return containers;
        }
        List<ProjectContainer> out = new ArrayList<>();
        for (Service s : project.dependencyOrder()) {
            containers.stream().filter(c -> c.service().equals(s.name())).forEach(out::add);
        }
        containers.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /** Fails as compose does when the project has no containers to act on. */
    /**
     * The project's name for commands that work from its containers alone: from the file when
     * there is one, else from {@code -p}; fails without either.
     */
    protected String requiredProjectName() {
        return requireProject(projectName(projectIfAny(List.of())));
    }

    /**
     * The project as {@link #projectIfAny} finds it, failing as compose does ("no such service")
     * when it has a file and {@code service} (unless null) is not one of its services.
     */
    protected Project knowingService(String service) {
        Project project = projectIfAny(List.of());
        if (project != null && service != null && project.service(service) == null) {
            throw new CliFailure(1, "no such service: " + service);
        }
        return project;
    }

    protected static String requireProject(String name) {
        if (name == null) {
            throw new CliFailure(1, "no configuration file provided: not found");
        }
        return name;
    }

    /** A table as docker's CLI aligns it: header row, then rows, cells padded by {@code TableWriter}. */
    protected static void table(java.io.PrintStream out, List<String> headers, List<String[]> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", headers)).append('\n');
        for (String[] r : rows) {
            sb.append(String.join("\t", r)).append('\n');
        }
        out.print(dev.berth.cli.format.TableWriter.docker().align(sb.toString()));
        out.flush();
    }

    /** {@code name=value} flags as a map; {@code --scale web=3}. */
    static Map<String, Integer> scales(List<String> flags) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String f : flags) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                throw new CliFailure(1, "invalid --scale value " + f + ": expected SERVICE=NUM");
            }
            out.put(f.substring(0, eq), Integer.parseInt(f.substring(eq + 1)));
        }
        return out;
    }
}
