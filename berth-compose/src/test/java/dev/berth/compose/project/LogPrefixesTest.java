package dev.berth.compose.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogPrefixesTest {

    @Test
    void prefixes_padToTheLongestNamePlusOne() {
        LogPrefixes p = new LogPrefixes(List.of("web-1", "db-1", "worker-1"), false);
        assertThat(p.prefix("web-1")).isEqualTo("web-1     | ");
        assertThat(p.prefix("worker-1")).isEqualTo("worker-1  | ");
        assertThat(p.prefix("db-1")).isEqualTo("db-1      | ");
    }

    @Test
    void colours_followComposesRainbow_onePerContainer() {
        LogPrefixes p = new LogPrefixes(List.of("a-1", "b-1"), true);
        assertThat(p.prefix("a-1")).isEqualTo("\033[36ma-1  | \033[0m");
        assertThat(p.prefix("b-1")).isEqualTo("\033[33mb-1  | \033[0m");
        assertThat(p.prefix("a-1")).isEqualTo("\033[36ma-1  | \033[0m");
    }
}
