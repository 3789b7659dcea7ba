package dev.berth.engine.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // this host: no CAP_SYS_RESOURCE, nofile hard limit 20000, oom_score_adj 0
    private static final HostLimits HOST = new HostLimits(2, false, true, false, false, Map.of("nofile", 20000L), 0);

    private static HostConfig host(String json) throws Exception {
        return JSON.readValue(json, HostConfig.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"OomScoreAdj\":1001}|Invalid value 1001, range for oom score adj is [-1000, 1000]",
        "{\"OomScoreAdj\":-10}|oom score adj -10 is below berthd's own (0) and berthd lacks CAP_SYS_RESOURCE to lower it",
        "{\"Ulimits\":[{\"Name\":\"bogus\",\"Soft\":1,\"Hard\":1}]}|invalid ulimit type: bogus",
        "{\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":30000,\"Hard\":30000}]}|ulimit nofile=30000:30000 exceeds berthd's hard limit 20000 and berthd lacks CAP_SYS_RESOURCE to raise it; use a hard limit of at most 20000",
        "{\"SecurityOpt\":[\"bogus\"]}|Invalid --security-opt: \"bogus\"",
        "{\"SecurityOpt\":[\"no-new-privileges:maybe\"]}|invalid --security-opt 2: \"no-new-privileges:maybe\"",
        "{\"SecurityOpt\":[\"seccomp={}\"]}|Decoding seccomp profile failed: the profile has no defaultAction",
    })
    void check_refuses(String json, String message) throws Exception {
        HostConfig h = host(json);
        assertThatThrownBy(() -> ProcessLimits.check(h, HOST)).hasMessage(message);
    }

    @Test
    void apply_writesRlimitsOomScoreAndSecurity() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"process\":{},\"linux\":{\"seccomp\":{\"defaultAction\":\"SCMP_ACT_ERRNO\"}}}");
        ProcessLimits.apply(host("{\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":1024,\"Hard\":2048}],\"OomScoreAdj\":500,"
                + "\"SecurityOpt\":[\"no-new-privileges=true\",\"seccomp=unconfined\"]}"), spec, p -> null);
        assertThat(spec.toString()).isEqualTo(JSON.readTree("{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":2048,"
                + "\"soft\":1024}],\"oomScoreAdj\":500,\"noNewPrivileges\":true},\"linux\":{}}").toString());
    }

    @Test
    void apply_replacesTheProfileWithTheGivenOne() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"process\":{},\"linux\":{\"seccomp\":{}}}");
        ObjectNode converted = JSON.createObjectNode().put("defaultAction", "SCMP_ACT_ALLOW");
        ProcessLimits.apply(host("{\"SecurityOpt\":[\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\"}\"]}"), spec,
                p -> converted);
        assertThat(spec.path("linux").path("seccomp")).isEqualTo(converted);
    }

    @Test
    void hostLimits_readProcLimitsAndCapabilities() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max open files            20000                20000                files\n"
                + "Max processes             96365                96365                processes\n"
                + "Max core file size        0                    unlimited            bytes\n";
        assertThat(HostLimits.parseLimits(limits)).containsEntry("nofile", 20000L).containsEntry("nproc", 96365L)
                .containsEntry("core", -1L);
        assertThat(HostLimits.capability("CapEff:\t000001fffeffffff\n", 24)).isFalse();
        assertThat(HostLimits.capability("CapEff:\t000001ffffffffff\n", 24)).isTrue();
    }
}
