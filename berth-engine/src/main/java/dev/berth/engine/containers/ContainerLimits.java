package dev.berth.engine.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.limits.HostLimits;
import dev.berth.engine.limits.ProcessLimits;
import dev.berth.engine.limits.ResourceLimits;
import dev.berth.engine.runtime.spec.RuntimeDefaults;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.security.Capabilities;
import dev.berth.engine.security.SecuritySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a container's limits and privileges meet its spec: checked at create, written into
 * config.json at start (resources, rlimits, security options, capabilities, devices).
 */
final class ContainerLimits {

    private ContainerLimits() {
    }

    /** dockerd's checks of the resource and process options; returns its warnings. */
    static List<String> check(HostConfig h, HostLimits host) {
        List<String> warnings = new ArrayList<>(ResourceLimits.check(h, host, false));
        ProcessLimits.check(h, host);
        SecuritySpec.check(h);
        return warnings;
    }

    /** {@code config} with the limits of {@code h} added to linux.resources and process. */
    static ObjectNode amend(ObjectNode config, HostConfig h, HostLimits host, SpecGenerator specs) {
        ObjectNode resources = (ObjectNode) config.path("linux").path("resources");
        resources.setAll(ResourceLimits.toOci(h, host));
        List<String> caps = Capabilities.resolve(RuntimeDefaults.CAPABILITIES, h.capAdd(), h.capDrop(),
                h.isPrivileged(), Capabilities.bounding());
        ObjectNode linux = (ObjectNode) config.path("linux");
        if (!caps.equals(RuntimeDefaults.CAPABILITIES) && linux.has("seccomp")) {
            // moby's profile allows some calls only with a capability (mount with CAP_SYS_ADMIN...)
            linux.set("seccomp", specs.defaultSeccomp(caps));
        }
        ProcessLimits.apply(h, config, profile -> specs.seccomp(profile, caps));
        SecuritySpec.apply(config, h, caps, SecuritySpec.devices(h));
        return config;
    }
}
