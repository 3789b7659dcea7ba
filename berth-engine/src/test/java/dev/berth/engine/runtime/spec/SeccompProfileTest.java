package dev.berth.engine.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeccompProfileTest {

    static final HostProfile AMD64_6_1 = new HostProfile("amd64", 6, 1, List.of(), true);

    @Test
    void dockerDefault_onAmd64_hasX86ArchesAndErrnoDefault() {
        ObjectNode p = SeccompProfile.dockerDefault(RuntimeDefaults.CAPABILITIES, AMD64_6_1);
        assertThat(p.get("defaultAction").asText()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(p.get("defaultErrnoRet").asInt()).isEqualTo(1);
        assertThat(texts(p.get("architectures"))).containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
    }

    @Test
    void dockerDefault_withDefaultCaps_allowsCommonCallsButNotAdminOnes() {
        ObjectNode p = SeccompProfile.dockerDefault(RuntimeDefaults.CAPABILITIES, AMD64_6_1);
        List<String> allowed = namesWith(p, "SCMP_ACT_ALLOW");
        assertThat(allowed).contains("read", "write", "execve", "arch_prctl", "chroot");
        assertThat(allowed).doesNotContain("mount", "umount2", "reboot", "init_module", "sync_file_range2", "bpf");
        // clone is allowed only without namespace flags (the mask rule for CAP_SYS_ADMIN-less sets)
        JsonNode clone = rulesFor(p, "clone").getFirst();
        assertThat(clone.get("args").get(0).get("op").asText()).isEqualTo("SCMP_CMP_MASKED_EQ");
        assertThat(clone.get("args").get(0).get("index").asInt()).isEqualTo(0);
        // clone3 answers ENOSYS so that libc falls back to clone
        assertThat(rulesFor(p, "clone3").getFirst().get("errnoRet").asInt()).isEqualTo(38);
    }

    @Test
    void dockerDefault_withSysAdmin_allowsMount() {
        List<String> caps = new ArrayList<>(RuntimeDefaults.CAPABILITIES);
        caps.add("CAP_SYS_ADMIN");
        ObjectNode p = SeccompProfile.dockerDefault(caps, AMD64_6_1);
        assertThat(namesWith(p, "SCMP_ACT_ALLOW")).contains("mount", "umount2", "setns");
    }

    @Test
    void dockerDefault_minKernelRulesDependOnTheKernel() {
        List<String> newer = namesWith(SeccompProfile.dockerDefault(RuntimeDefaults.CAPABILITIES, AMD64_6_1),
                "SCMP_ACT_ALLOW");
        List<String> older = namesWith(SeccompProfile.dockerDefault(RuntimeDefaults.CAPABILITIES,
                new HostProfile("amd64", 4, 4, List.of(), true)), "SCMP_ACT_ALLOW");
        // ptrace is safe from kernel 4.8 on (seccomp is re-checked after a tracer's changes)
        assertThat(newer).contains("ptrace", "process_vm_readv");
        assertThat(older).doesNotContain("ptrace", "process_vm_readv");
    }

    private static List<JsonNode> rulesFor(ObjectNode p, String name) {
        List<JsonNode> out = new ArrayList<>();
        p.get("syscalls").forEach(r -> {
            if (texts(r.get("names")).contains(name)) {
                out.add(r);
            }
        });
        return out;
    }

    private static List<String> namesWith(ObjectNode p, String action) {
        List<String> out = new ArrayList<>();
        p.get("syscalls").forEach(r -> {
            if (r.get("action").asText().equals(action)) {
                out.addAll(texts(r.get("names")));
            }
        });
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
