package dev.berth.compose.loader;

import dev.berth.compose.model.Network;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a compose project: what {@code docker compose config} does before printing.
 *
 * <p>Steps, each file on its own first: read the YAML (anchors, aliases, merge keys, the
 * {@code !reset} and {@code !override} tags); interpolate variables from the process environment
 * over the {@code .env} file(s); validate keys and types; rewrite short syntaxes into long ones
 * and relative paths into absolute ones; import what it {@code include}s; resolve {@code
 * extends}. Then the files are merged in order ({@link Application}), the project named,
 * profiles applied, and references and dependencies checked. Loading reads files only: it creates
 * nothing, so a {@link ComposeFileException} comes before any change to the engine.
 */
public final class ProjectLoader {

    /**
     * Loads the project {@code options} describe.
     *
     * @throws ComposeFileException for any problem in the files, naming the file and key path
     */
    public Project load(LoadOptions options) {
        Path cwd = options.workingDir().toAbsolutePath().normalize();
        Map<String, String> processEnv = options.environment();
        List<Path> files = files(options, cwd, processEnv);
        Path projectDir = options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()).normalize() : files.getFirst().getParent();

        Map<String, String> env = environment(options, cwd, projectDir, processEnv);
        Function<String, String> lookup = env::get;
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));

        Application application = new Application.Reader(home, options.warnings()).read(files, projectDir, env, List.of());
        Map<String, Object> merged = application.tree();
        String firstFile = files.getFirst().toString();
        Function<String, String> originOf = entry -> application.origins().getOrDefault(entry, firstFile);

        Fields root = Fields.of(merged);
        String name = projectName(options, env, root, projectDir, firstFile);

        ServiceReader reader = new ServiceReader(lookup);
        Map<String, Service> all = new LinkedHashMap<>();
        root.entries("services").forEach((svc, f) -> all.put(svc, reader.read(svc, withDefaultNetwork(f), originOf.apply("services." + svc))));

        Set<String> enabledNames = enabled(all, activeProfiles(options, env), options.services(), firstFile);
        Map<String, Service> enabled = new LinkedHashMap<>();
        Map<String, Service> disabled = new LinkedHashMap<>();
        all.forEach((svc, s) -> (enabledNames.contains(svc) ? enabled : disabled).put(svc, s));

        ResourceReader resources = new ResourceReader(name);
        Map<String, Network> networks = resources.networks(root.entries("networks"));
        boolean usesDefault = enabled.values().stream().anyMatch(s -> s.networks().containsKey("default"));
        if (usesDefault && !networks.containsKey("default")) {
            networks.put("default", resources.network("default", Fields.of(null)));
        }
        var volumes = resources.volumes(root.entries("volumes"));
        var configs = resources.fileObjects(root.entries("configs"));
        var secrets = resources.fileObjects(root.entries("secrets"));

        ProjectChecks checks = new ProjectChecks(originOf);
        checks.fileObjects("configs", configs);
        checks.fileObjects("secrets", secrets);
        checks.services(enabled, disabled, networks.keySet(), volumes.keySet(), configs.keySet(), secrets.keySet());

        return new Project(name, projectDir, files, enabled, disabled, networks, volumes, configs, secrets, env);
    }

    private static List<Path> files(LoadOptions options, Path cwd, Map<String, String> processEnv) {
        List<Path> files = new ArrayList<>();
        if (!options.files().isEmpty()) {
            options.files().forEach(f -> files.add(cwd.resolve(f).normalize()));
        } else if (processEnv.get("COMPOSE_FILE") != null && !processEnv.get("COMPOSE_FILE").isBlank()) {
            String separator = processEnv.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
            for (String f : processEnv.get("COMPOSE_FILE").split(java.util.regex.Pattern.quote(separator))) {
                if (!f.isBlank()) {
                    files.add(cwd.resolve(f).normalize());
                }
            }
        } else {
            files.addAll(ComposeFiles.discover(options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()) : cwd));
            if (files.isEmpty()) {
                throw new ComposeFileException(null, null, "no configuration file provided: not found (looked for "
                        + String.join(", ", ComposeFiles.NAMES) + " in " + cwd + " and its parents)");
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ComposeFileException(f.toString(), null, "no such file");
            }
        }
        return files;
    }

    /** The process environment over the .env file(s): what interpolation sees. */
    private static Map<String, String> environment(LoadOptions options, Path cwd, Path projectDir, Map<String, String> processEnv) {
        List<Path> envFiles = new ArrayList<>();
        if (!options.envFiles().isEmpty()) {
            options.envFiles().forEach(f -> envFiles.add(cwd.resolve(f).normalize()));
        } else if (Files.isRegularFile(projectDir.resolve(".env"))) {
            envFiles.add(projectDir.resolve(".env"));
        }
        return DotEnv.under(processEnv, envFiles);
    }

    private static String projectName(LoadOptions options, Map<String, String> env, Fields root, Path projectDir, String firstFile) {
        String[][] explicit = {
            {options.projectName(), "-p"},
            {env.get("COMPOSE_PROJECT_NAME"), "COMPOSE_PROJECT_NAME"},
        };
        for (String[] candidate : explicit) {
            if (candidate[0] != null && !candidate[0].isEmpty()) {
                return valid(candidate[0], null, candidate[1]);
            }
        }
        if (root.has("name")) {
            return valid(root.string("name"), firstFile, "name");
        }
        Path base = projectDir.getFileName();
        String normalized = ProjectName.normalize(base == null ? "" : base.toString());
        if (normalized.isEmpty()) {
            throw new ComposeFileException(null, null, "project name cannot be derived from the directory " + projectDir
                    + ": set one with -p or name:");
        }
        return normalized;
    }

    private static String valid(String name, String file, String source) {
        if (!ProjectName.isValid(name)) {
            throw new ComposeFileException(file, source.equals("name") ? "name" : null, "invalid project name \"" + name + "\" (from "
                    + source + "): it must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit");
        }
        return name;
    }

    private static List<String> activeProfiles(LoadOptions options, Map<String, String> env) {
        if (!options.profiles().isEmpty()) {
            return options.profiles();
        }
        String fromEnv = env.get("COMPOSE_PROFILES");
        return fromEnv == null || fromEnv.isBlank() ? List.of() : Arrays.stream(fromEnv.split(",")).map(String::strip).toList();
    }

    /**
     * The enabled services: those without profiles, those with an active profile ("*" activates
     * all), and those named explicitly together with everything they depend on.
     */
    private static Set<String> enabled(Map<String, Service> all, List<String> profiles, List<String> named, String firstFile) {
        Set<String> enabled = new LinkedHashSet<>();
        for (Service s : all.values()) {
            if (s.profiles().isEmpty() || profiles.contains("*") || s.profiles().stream().anyMatch(profiles::contains)) {
                enabled.add(s.name());
            }
        }
        Deque<String> todo = new ArrayDeque<>(named);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String svc = todo.pop();
            Service s = all.get(svc);
            if (s == null) {
                throw new ComposeFileException(firstFile, null, "no such service: " + svc);
            }
            enabled.add(svc);
            if (seen.add(svc)) {
                s.dependsOn().keySet().stream().filter(all::containsKey).forEach(todo::push);
            }
        }
        return enabled;
    }

    /** A service that names no network and no network_mode joins the project's default network. */
    private static Fields withDefaultNetwork(Fields f) {
        if (f.has("networks") || f.has("network_mode")) {
            return f;
        }
        Map<String, Object> m = new LinkedHashMap<>(f.map());
        m.put("networks", Map.of("default", Map.of()));
        return new Fields(m);
    }
}
