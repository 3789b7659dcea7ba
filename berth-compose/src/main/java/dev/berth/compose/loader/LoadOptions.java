package dev.berth.compose.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What to load: the command line's {@code -f}, {@code --project-directory}, {@code -p},
 * {@code --profile}, {@code --env-file} and the explicitly named services, plus the process
 * environment and working directory (passed in, so that loading is a pure function of its input).
 *
 * @param files            compose files ({@code -f}); relative to {@code workingDir}; empty: {@code COMPOSE_FILE}
 *                         or discovery in the working directory and its parents. "-" is not supported.
 * @param projectDirectory {@code --project-directory}, or null: the first file's directory
 * @param projectName      {@code -p}, or null
 * @param profiles         {@code --profile}; empty: {@code COMPOSE_PROFILES}
 * @param envFiles         {@code --env-file}; empty: {@code .env} in the project directory if present
 * @param services         services named on the command line: enabled whatever their profiles
 * @param environment      the process environment
 * @param workingDir       the process's working directory
 * @param warnings         receives warnings (an unset variable defaults to empty)
 */
public record LoadOptions(
        List<Path> files,
        Path projectDirectory,
        String projectName,
        List<String> profiles,
        List<Path> envFiles,
        List<String> services,
        Map<String, String> environment,
        Path workingDir,
        Consumer<String> warnings) {

    public LoadOptions {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        envFiles = List.copyOf(envFiles);
        services = List.copyOf(services);
        environment = Map.copyOf(environment);
        warnings = warnings == null ? w -> {} : warnings;
    }

    /** Discovery from {@code workingDir}, no flags. */
    public static LoadOptions of(Path workingDir, Map<String, String> environment) {
        return new LoadOptions(List.of(), null, null, List.of(), List.of(), List.of(), environment, workingDir, null);
    }

    public LoadOptions withFiles(List<Path> f) {
        return new LoadOptions(f, projectDirectory, projectName, profiles, envFiles, services, environment, workingDir, warnings);
    }

    public LoadOptions withProjectDirectory(Path dir) {
        return new LoadOptions(files, dir, projectName, profiles, envFiles, services, environment, workingDir, warnings);
    }

    public LoadOptions withProjectName(String name) {
        return new LoadOptions(files, projectDirectory, name, profiles, envFiles, services, environment, workingDir, warnings);
    }

    public LoadOptions withProfiles(List<String> p) {
        return new LoadOptions(files, projectDirectory, projectName, p, envFiles, services, environment, workingDir, warnings);
    }

    public LoadOptions withEnvFiles(List<Path> e) {
        return new LoadOptions(files, projectDirectory, projectName, profiles, e, services, environment, workingDir, warnings);
    }

    public LoadOptions withServices(List<String> s) {
        return new LoadOptions(files, projectDirectory, projectName, profiles, envFiles, s, environment, workingDir, warnings);
    }

    public LoadOptions withWarnings(Consumer<String> w) {
        return new LoadOptions(files, projectDirectory, projectName, profiles, envFiles, services, environment, workingDir, w);
    }
}
