package dev.berth.compose.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded compose project: what {@code docker compose config} prints, as records.
 *
 * @param name             the normalized project name (lower case, [a-z0-9_-], starts with a letter or digit)
 * @param workingDir       the absolute project directory; relative paths were resolved against it
 * @param configFiles      the absolute paths of the files loaded, in merge order
 * @param services         the enabled services by name, in file order
 * @param disabledServices services left out because none of their profiles is active
 * @param networks         networks by key, including "default" when a service uses it
 * @param volumes          named volumes by key
 * @param configs          configs by key
 * @param secrets          secrets by key
 * @param environment      the variables interpolation used: the process environment over the .env files
 */
public record Project(
        String name,
        Path workingDir,
        List<Path> configFiles,
        Map<String, Service> services,
        Map<String, Service> disabledServices,
        Map<String, Network> networks,
        Map<String, Volume> volumes,
        Map<String, FileObject> configs,
        Map<String, FileObject> secrets,
        Map<String, String> environment) {

    public Project {
        configFiles = Copies.list(configFiles);
        services = Copies.map(services);
        disabledServices = Copies.map(disabledServices);
        networks = Copies.map(networks);
        volumes = Copies.map(volumes);
        configs = Copies.map(configs);
        secrets = Copies.map(secrets);
        environment = Copies.map(environment);
    }

    /** The enabled service {@code name}, or null. */
    public Service service(String name) {
        return services.get(name);
    }

    /**
     * The enabled services, every one after all its dependencies, otherwise in file order:
     * the order in which {@code up} starts them ({@code down} stops them in reverse). The
     * loader has rejected cycles and unknown dependencies; dependencies on disabled services
     * are skipped.
     */
    public List<Service> dependencyOrder() {
        Set<String> done = new LinkedHashSet<>();
        for (String name : services.keySet()) {
            visit(name, done, new LinkedHashSet<>());
        }
        List<Service> ordered = new ArrayList<>(done.size());
        for (String name : done) {
            ordered.add(services.get(name));
        }
        return ordered;
    }

    private void visit(String name, Set<String> done, Set<String> path) {
        Service s = services.get(name);
        if (s == null || done.contains(name) || !path.add(name)) {
            return; // unknown, placed already, or a cycle (which the loader rejects)
        }
        for (String dep : s.dependsOn().keySet()) {
            visit(dep, done, path);
        }
        done.add(name);
    }
}
