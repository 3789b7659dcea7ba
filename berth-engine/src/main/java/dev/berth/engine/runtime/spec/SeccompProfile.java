package dev.berth.engine.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a profile in Docker's seccomp format (the default profile ships as the resource
 * docker-default-seccomp.json, moby/profiles at moby b985e23) into the OCI
 * {@code linux.seccomp} object: the architecture's entry of {@code archMap} becomes
 * {@code architectures}, and each syscall rule is kept or dropped by its
 * {@code includes}/{@code excludes} filters (arches, capabilities in the bounding set,
 * minimum kernel), as moby's profiles/seccomp/seccomp_linux.go does.
 */
public final class SeccompProfile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_RESOURCE = "docker-default-seccomp.json";

    // Go arch names -> libseccomp arch names in the profile's archMap.
    private static final Map<String, String> SECCOMP_ARCH = Map.of(
            "amd64", "SCMP_ARCH_X86_64",
            "386", "SCMP_ARCH_X86",
            "arm64", "SCMP_ARCH_AARCH64",
            "arm", "SCMP_ARCH_ARM",
            "s390x", "SCMP_ARCH_S390X",
            "ppc64le", "SCMP_ARCH_PPC64LE",
            "riscv64", "SCMP_ARCH_RISCV64",
            "loong64", "SCMP_ARCH_LOONGARCH64");

    private SeccompProfile() {
    }

    /** Docker's default profile for a process whose bounding set is {@code capabilities}. */
    public static ObjectNode dockerDefault(Collection<String> capabilities, HostProfile host) {
        return toOci(loadDefault(), capabilities, host);
    }

    static JsonNode loadDefault() {
        try (InputStream in = SeccompProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OCI form of a Docker-format profile for this host and capability set. */
    public static ObjectNode toOci(JsonNode profile, Collection<String> capabilities, HostProfile host) {
        ObjectNode out = JSON.createObjectNode();
        out.put("defaultAction", profile.path("defaultAction").asText());
        if (profile.has("defaultErrnoRet")) {
            out.set("defaultErrnoRet", profile.get("defaultErrnoRet"));
        }
        ArrayNode arches = out.putArray("architectures");
        if (profile.has("architectures")) {
            profile.get("architectures").forEach(arches::add);
        } else {
            String mine = SECCOMP_ARCH.get(host.goArch());
            for (JsonNode entry : profile.path("archMap")) {
                if (entry.path("architecture").asText().equals(mine)) {
                    arches.add(mine);
                    entry.path("subArchitectures").forEach(arches::add);
                    break;
                }
            }
        }
        ArrayNode syscalls = out.putArray("syscalls");
        for (JsonNode rule : profile.path("syscalls")) {
            if (applies(rule, capabilities, host)) {
                ObjectNode r = syscalls.addObject();
                ArrayNode names = r.putArray("names");
                if (rule.has("name")) {
                    names.add(rule.get("name").asText());
                }
                rule.path("names").forEach(names::add);
                r.put("action", rule.path("action").asText());
                if (rule.has("errnoRet")) {
                    r.set("errnoRet", rule.get("errnoRet"));
                }
                if (rule.has("args") && !rule.get("args").isNull() && !rule.get("args").isEmpty()) {
                    r.set("args", rule.get("args").deepCopy());
                }
            }
        }
        return out;
    }

    private static boolean applies(JsonNode rule, Collection<String> caps, HostProfile host) {
        JsonNode ex = rule.path("excludes");
        if (contains(ex.path("arches"), host.goArch())) {
            return false;
        }
        for (JsonNode c : ex.path("caps")) {
            if (caps.contains(c.asText())) {
                return false;
            }
        }
        if (ex.hasNonNull("minKernel") && kernelAtLeast(host, ex.get("minKernel").asText())) {
            return false;
        }
        JsonNode in = rule.path("includes");
        if (!in.path("arches").isEmpty() && !contains(in.path("arches"), host.goArch())) {
            return false;
        }
        for (JsonNode c : in.path("caps")) {
            if (!caps.contains(c.asText())) {
                return false;
            }
        }
        return !in.hasNonNull("minKernel") || kernelAtLeast(host, in.get("minKernel").asText());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean kernelAtLeast(HostProfile host, String version) {
        String[] v = version.split("\\.");
        return host.kernelAtLeast(Integer.parseInt(v[0]), v.length > 1 ? Integer.parseInt(v[1]) : 0);
    }
}
