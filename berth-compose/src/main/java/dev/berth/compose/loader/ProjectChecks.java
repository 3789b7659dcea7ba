package dev.berth.compose.loader;

import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.FileObjectRef;
import dev.berth.compose.model.MountType;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks that need the whole, merged project: every service has an image or a build, every
 * network, volume, config and secret a service names is defined, every dependency is a defined
 * and enabled service, and dependencies have no cycle. Errors name the file that (last) defined
 * the service and the key path.
 */
final class ProjectChecks {
    private final Function<String, String> originOf;

    /** @param originOf the file that last defined a key path's top-level entry ("services.web") */
    ProjectChecks(Function<String, String> originOf) {
        this.originOf = originOf;
    }

    private ComposeFileException fail(String entry, String path, String problem) {
        return new ComposeFileException(originOf.apply(entry), path, problem);
    }

    void services(Map<String, Service> enabled, Map<String, Service> disabled, Set<String> networks, Set<String> volumes,
                  Set<String> configs, Set<String> secrets) {
        for (Service s : enabled.values()) {
            String at = "services." + s.name();
            if (s.image() == null && s.build() == null) {
                throw fail(at, at, "service \"" + s.name() + "\" has neither an image nor a build context specified");
            }
            for (String n : s.networks().keySet()) {
                if (!networks.contains(n)) {
                    throw fail(at, at + ".networks." + n, "network \"" + n + "\" is not defined");
                }
            }
            if (!s.networks().isEmpty() && s.networkMode() != null) {
                throw fail(at, at + ".network_mode", "network_mode and networks cannot be combined");
            }
            List<ServiceVolume> mounts = s.volumes();
            for (int i = 0; i < mounts.size(); i++) {
                ServiceVolume v = mounts.get(i);
                if (v.type() == MountType.VOLUME && v.source() != null && !volumes.contains(v.source())) {
                    throw fail(at, at + ".volumes[" + i + "]", "volume \"" + v.source() + "\" is not defined in the top-level volumes");
                }
                if (v.type() == MountType.BIND && v.source() == null) {
                    throw fail(at, at + ".volumes[" + i + "].source", "a bind mount needs a source");
                }
            }
            refs(at, "configs", s.configs(), configs);
            refs(at, "secrets", s.secrets(), secrets);
            donorDefined(at, "network_mode", s.networkMode(), enabled);
            donorDefined(at, "pid", s.pid(), enabled);
            donorDefined(at, "ipc", s.ipc(), enabled);
            for (String dep : s.dependsOn().keySet()) {
                String path = at + ".depends_on." + dep;
                if (disabled.containsKey(dep)) {
                    if (s.dependsOn().get(dep).required()) {
                        throw fail(at, path, "service \"" + dep + "\" is required by \"" + s.name()
                                + "\" but not enabled by the active profiles");
                    }
                } else if (!enabled.containsKey(dep)) {
                    throw fail(at, path, "service \"" + dep + "\" is not defined");
                }
            }
            if (s.containerName() != null && s.replicas() > 1) {
                throw fail(at, at + ".container_name", "a service with a container_name cannot have more than one replica");
            }
        }
        cycles(enabled);
    }

    /** A {@code service:NAME} mode names an enabled service (checked before the depends_on it implies). */
    private void donorDefined(String at, String key, String mode, Map<String, Service> enabled) {
        ImpliedDependencies.donor(mode).filter(other -> !enabled.containsKey(other)).ifPresent(other -> {
            throw fail(at, at + "." + key, "service \"" + other + "\" is not defined");
        });
    }

    private void refs(String at, String kind, List<FileObjectRef> refs, Set<String> defined) {
        for (int i = 0; i < refs.size(); i++) {
            if (!defined.contains(refs.get(i).source())) {
                throw fail(at, at + "." + kind + "[" + i + "]", kind.substring(0, kind.length() - 1) + " \"" + refs.get(i).source()
                        + "\" is not defined in the top-level " + kind);
            }
        }
    }

    /** A config or secret takes its content from exactly one place. */
    void fileObjects(String kind, Map<String, FileObject> objects) {
        objects.forEach((key, o) -> {
            int sources = (o.file() != null ? 1 : 0) + (o.environment() != null ? 1 : 0) + (o.content() != null ? 1 : 0) + (o.external() ? 1 : 0);
            String at = kind + "." + key;
            if (sources != 1) {
                String choices = kind.equals("configs") ? "file, environment, content or external" : "file, environment or external";
                throw fail(at, at, "needs exactly one of " + choices);
            }
        });
    }

    private void cycles(Map<String, Service> services) {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String name : services.keySet()) {
            visit(name, services, state, new ArrayList<>());
        }
    }

    private void visit(String name, Map<String, Service> services, Map<String, Integer> state, List<String> path) {
        Integer st = state.get(name);
        if (st != null && st == 2 || !services.containsKey(name)) {
            return;
        }
        path.add(name);
        if (st != null && st == 1) {
            List<String> cycle = path.subList(path.indexOf(name), path.size());
            String first = cycle.getFirst();
            throw fail("services." + first, "services." + first + ".depends_on", "dependency cycle: " + String.join(" -> ", cycle));
        }
        state.put(name, 1);
        for (String dep : services.get(name).dependsOn().keySet()) {
            visit(dep, services, state, path);
        }
        state.put(name, 2);
        path.removeLast();
    }
}
