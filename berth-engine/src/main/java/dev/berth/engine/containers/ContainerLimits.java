package dev.berth.engine.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.limits.HostLimits;
import dev.berth.engine.limits.ProcessLimits;
import dev.berth.engine.limits.ResourceLimits;
import dev.berth.engine.runtime.spec.SpecGenerator;
import java.util.ArrayList;
import java.util.List;

/** Where a container's limits meet its spec: checked at create, written into config.json at start. */
final class ContainerLimits {

    private ContainerLimits() {
    }

    /** dockerd's checks of the resource and process options; returns its warnings. */
    static List<String> check(HostConfig h, HostLimits host) {
        List<String> warnings = new ArrayList<>(ResourceLimits.check(h, host, false));
        ProcessLimits.check(h, host);
        return warnings;
    }

    /** {@code config} with the limits of {@code h} added to linux.resources and process. */
    static ObjectNode amend(ObjectNode config, HostConfig h, HostLimits host, SpecGenerator specs) {
        ObjectNode resources = (ObjectNode) config.path("linux").path("resources");
        resources.setAll(ResourceLimits.toOci(h, host));
        ProcessLimits.apply(h, config, specs::seccomp);
        return config;
    }
}
