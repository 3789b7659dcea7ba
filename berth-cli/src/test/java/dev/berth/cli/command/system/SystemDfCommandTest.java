package dev.berth.cli.command.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import org.junit.jupiter.api.Test;

class SystemDfCommandTest {

    @Test
    void buildCache_countsUnsharedBytes_andReclaimsWhatIsNotInUse() throws Exception {
        JsonNode df = Json.MAPPER.readTree("""
                {"LayersSize": 0, "Images": [], "Containers": [], "Volumes": [], "BuildCache": [
                  {"ID": "a", "Size": 1000, "Shared": false, "InUse": false},
                  {"ID": "b", "Size": 3000, "Shared": true, "InUse": false},
                  {"ID": "c", "Size": 500, "Shared": false, "InUse": true}]}""");
        String row = SystemDfCommand.summary(df).lines().filter(l -> l.startsWith("Build Cache")).findFirst().orElseThrow();
        assertThat(row.split("\\s{2,}")).containsExactly("Build Cache", "3", "1", "1.5kB", "1kB");
    }
}
