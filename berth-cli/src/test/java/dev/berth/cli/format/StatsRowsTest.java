package dev.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        // container delta, system delta, cpus -> percent
        "500000000, 2000000000, 2, 50.0",
        "1000000000, 2000000000, 2, 100.0",
        "0, 2000000000, 2, 0.0",
        "100, 0, 2, 0.0",
    })
    void cpuPercent_isDockersFormula(long cpu, long system, int cpus, double expected) throws Exception {
        JsonNode stats = JSON.readTree("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":" + (1000 + cpu)
                + "},\"system_cpu_usage\":" + (5000 + system) + ",\"online_cpus\":" + cpus + "},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":1000},\"system_cpu_usage\":5000}}");
        assertThat(StatsRows.cpuPercent(stats)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void row_formatsAsDockerStats() throws Exception {
        JsonNode stats = JSON.readTree("""
                {"id":"0123456789abcdef0123","name":"/web",
                 "cpu_stats":{"cpu_usage":{"total_usage":300000000},"system_cpu_usage":2000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":100000000},"system_cpu_usage":1000000000},
                 "memory_stats":{"usage":3145728,"limit":50331648,"stats":{"total_inactive_file":1048576}},
                 "networks":{"eth0":{"rx_bytes":1500,"tx_bytes":700}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":4096},{"op":"Write","value":8192},
                   {"op":"Total","value":12288}]},
                 "pids_stats":{"current":3}}""");
        ObjectNode row = StatsRows.of(stats, "web", true);
        assertThat(row.path("ID").asText()).isEqualTo("0123456789ab");
        assertThat(row.path("Name").asText()).isEqualTo("web");
        assertThat(row.path("CPUPerc").asText()).isEqualTo("40.00%");
        assertThat(row.path("MemUsage").asText()).isEqualTo("2MiB / 48MiB");
        assertThat(row.path("MemPerc").asText()).isEqualTo("4.17%");
        assertThat(row.path("NetIO").asText()).isEqualTo("1.5kB / 700B");
        assertThat(row.path("BlockIO").asText()).isEqualTo("4.1kB / 8.19kB");
        assertThat(row.path("PIDs").asText()).isEqualTo("3");
    }

    @Test
    void table_hasDockersHeader() throws Exception {
        String out = new OutputFormat(StatsRows.TABLE).render(java.util.List.of(), StatsRows.HEADERS);
        assertThat(out.strip()).matches("CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS");
    }
}
