package dev.berth.compose.project;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which services a command acts on: all enabled services when none are named, else the named
 * ones, with their dependencies for {@code up} and {@code run} (unless {@code --no-deps}), in
 * the project's dependency order. Naming a service that does not exist is compose's
 * "no such service" error.
 */
public final class ServiceSelection {

    private ServiceSelection() {
    }

    /** The selected services, dependencies first. */
    public static List<Service> of(Project project, Collection<String> named, boolean withDependencies) {
        for (String n : named) {
            if (project.service(n) == null) {
                throw new IllegalArgumentException("no such service: " + n);
            }
        }
        Set<String> keep = named.isEmpty() ? project.services().keySet()
                : withDependencies ? dependencies(project, named) : new LinkedHashSet<>(named);
        List<Service> out = new ArrayList<>();
        for (Service s : project.dependencyOrder()) {
            if (keep.contains(s.name())) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code named} and everything they depend on, transitively (enabled services only). */
    static Set<String> dependencies(Project project, Collection<String> named) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(named);
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            Service s = project.service(name);
            if (s != null && out.add(name)) {
                todo.addAll(s.dependsOn().keySet());
            }
        }
        return out;
    }
}
