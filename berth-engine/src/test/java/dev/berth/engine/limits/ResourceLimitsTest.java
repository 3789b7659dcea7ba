package dev.berth.engine.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HostLimits HOST = HostLimits.permissive(2);

    private static HostConfig host(String json) throws Exception {
        return JSON.readValue(json, HostConfig.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Memory\":4194304}|Minimum memory limit allowed is 6MB",
        "{\"Memory\":33554432,\"MemorySwap\":16777216}|Minimum memoryswap limit should be larger than memory limit, see usage",
        "{\"MemorySwap\":16777216}|You should always set the Memory limit when using Memoryswap limit, see usage",
        "{\"MemorySwappiness\":101}|Invalid value: 101, valid memory swappiness range is 0-100",
        "{\"Memory\":16777216,\"MemoryReservation\":33554432}|Minimum memory limit can not be less than memory reservation limit, see usage",
        "{\"MemoryReservation\":1048576}|Minimum memory reservation allowed is 6MB",
        "{\"NanoCpus\":500000000,\"CpuPeriod\":100000}|Conflicting options: Nano CPUs and CPU Period cannot both be set",
        "{\"NanoCpus\":500000000,\"CpuQuota\":50000}|Conflicting options: Nano CPUs and CPU Quota cannot both be set",
        "{\"NanoCpus\":3000000000}|Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
        "{\"CpuPeriod\":500}|CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)",
        "{\"CpuQuota\":500}|CPU cfs quota can not be less than 1ms (i.e. 1000)",
        "{\"CpusetCpus\":\"0-3\"}|Requested CPUs are not available - requested 0-3, available: 0-1",
        "{\"CpusetCpus\":\"x\"}|Invalid value x for cpuset cpus",
        "{\"BlkioWeight\":5}|Range of blkio weight is from 10 to 1000",
    })
    void check_refusesWithDockersWords(String json, String message) throws Exception {
        HostConfig h = host(json);
        assertThatThrownBy(() -> ResourceLimits.check(h, HOST, false))
                .isInstanceOf(InvalidArgumentException.class).hasMessage(message);
    }

    @Test
    void check_warnsWhenOomKillerIsDisabledWithoutLimit() throws Exception {
        assertThat(ResourceLimits.check(host("{\"OomKillDisable\":true}"), HOST, false))
                .containsExactly("OOM killer is disabled for the container, but no memory limit is set, "
                        + "this can result in the system running out of resources.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|{}",
        "{\"Memory\":33554432}|{\"memory\":{\"limit\":33554432,\"swap\":67108864}}",
        "{\"Memory\":33554432,\"MemorySwap\":-1,\"MemoryReservation\":16777216,\"MemorySwappiness\":10}|{\"memory\":{\"limit\":33554432,\"swap\":-1,\"reservation\":16777216,\"swappiness\":10}}",
        "{\"NanoCpus\":500000000,\"CpuShares\":512}|{\"cpu\":{\"shares\":512,\"period\":100000,\"quota\":50000}}",
        "{\"CpuPeriod\":50000,\"CpuQuota\":25000,\"CpusetCpus\":\"0\",\"CpusetMems\":\"0\"}|{\"cpu\":{\"period\":50000,\"quota\":25000,\"cpus\":\"0\",\"mems\":\"0\"}}",
        "{\"PidsLimit\":50}|{\"pids\":{\"limit\":50}}",
        "{\"PidsLimit\":-1}|{\"pids\":{\"limit\":-1}}",
        "{\"OomKillDisable\":true,\"Memory\":8388608,\"MemorySwap\":8388608}|{\"memory\":{\"limit\":8388608,\"swap\":8388608,\"disableOOMKiller\":true}}",
        "{\"BlkioWeight\":300}|{\"blockIO\":{\"weight\":300}}",
    })
    void toOci_mapsHostConfigToLinuxResources(String json, String expected) throws Exception {
        ObjectNode oci = ResourceLimits.toOci(host(json), HOST);
        // compared as text: the tree holds longs where parsing gives ints
        assertThat(oci.toString()).isEqualTo(JSON.readTree(expected).toString());
    }

    @Test
    void toOci_dropsWhatTheHostCannotDo() throws Exception {
        HostLimits v2 = new HostLimits(2, true, true, false, false, Map.of(), 0);
        assertThat(ResourceLimits.toOci(host("{\"Memory\":8388608,\"MemorySwappiness\":10,\"BlkioWeight\":300,"
                + "\"OomKillDisable\":true}"), v2).toString()).isEqualTo("{\"memory\":{\"limit\":8388608,\"swap\":16777216}}");
    }

    @Test
    void update_keepsTheSwapInForce_andRefusesAMemoryAboveIt() throws Exception {
        HostConfig current = host("{\"Memory\":33554432,\"PidsLimit\":50,\"RestartPolicy\":{\"Name\":\"no\"}}");
        HostConfig merged = LimitsUpdate.merge(current, host("{\"Memory\":50331648,\"NanoCpus\":0,"
                + "\"RestartPolicy\":{\"Name\":\"always\"}}"));
        assertThat(merged.memory()).isEqualTo(50331648L);
        assertThat(merged.memorySwap()).isEqualTo(67108864L);
        assertThat(merged.pidsLimit()).isEqualTo(50L);
        assertThat(merged.restartPolicy().name()).isEqualTo("always");
        assertThatThrownBy(() -> LimitsUpdate.merge(current, host("{\"Memory\":134217728}")))
                .hasMessage("Memory limit should be smaller than already set memoryswap limit, "
                        + "update the memoryswap at the same time");
    }
}
