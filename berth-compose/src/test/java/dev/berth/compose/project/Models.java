package dev.berth.compose.project;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.ServiceVolume;
import dev.berth.compose.model.Volume;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small projects for tests: only the keys a test sets; everything else unset, as the loader leaves it. */
final class Models {

    private Models() {
    }

    static Service service(String name, String image, Map<String, String> env, List<PortMapping> ports,
            List<ServiceVolume> volumes, Map<String, ServiceNetwork> networks, Map<String, Dependency> dependsOn,
            Healthcheck healthcheck) {
        return new Service(name, image, null, null, null, env, ports, List.of(), volumes, List.of(), List.of(), networks,
                null, List.of(), List.of(), dependsOn, healthcheck, null, null, null, Map.of(), Map.of(), null, null, null,
                null, null, null, null, null, null, false, false, false, false, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, List.of(), null, null, List.of(), List.of(), Map.of(), Map.of(), null,
                null, null, null, null, null, null, List.of(), List.of(), null, null, null, null);
    }

    static Service simple(String name, Map<String, Dependency> dependsOn) {
        return service(name, "busybox", Map.of(), List.of(), List.of(), Map.of("default", ServiceNetwork.DEFAULT),
                dependsOn, null);
    }

    static Project project(String name, Service... services) {
        Map<String, Service> byName = new LinkedHashMap<>();
        for (Service s : services) {
            byName.put(s.name(), s);
        }
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put("default", new Network(name + "_default", null, Map.of(), null, false, false, Map.of(), false, null, null));
        networks.put("back", new Network(name + "_back", null, Map.of(), null, false, false, Map.of(), false, null, null));
        Map<String, Volume> volumes = Map.of("data", new Volume(name + "_data", null, Map.of(), false, Map.of()));
        return new Project(name, Path.of("/srv/" + name), List.of(Path.of("/srv/" + name + "/compose.yaml")), byName,
                Map.of(), networks, volumes, Map.of(), Map.of(), Map.of());
    }
}
