package dev.berth.compose.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void names_areComposeV2s() {
        assertThat(ResourceNames.container("app", "web", 1)).isEqualTo("app-web-1");
        assertThat(ResourceNames.container("my_app", "db-main", 12)).isEqualTo("my_app-db-main-12");
        assertThat(ResourceNames.scoped("app", "default", null)).isEqualTo("app_default");
        assertThat(ResourceNames.scoped("app", "data", "shared-data")).isEqualTo("shared-data");
        assertThat(ResourceNames.oneOff("app", "web", "0123456789abcdef0123")).isEqualTo("app-web-run-0123456789ab");
        assertThat(ResourceNames.newSlug()).hasSize(64).matches("[0-9a-f]+");
        assertThat(ResourceNames.bare("/app-web-1")).isEqualTo("app-web-1");
    }

    @Test
    void number_readsTheLabel_orMinusOne() {
        assertThat(ResourceNames.number("3")).isEqualTo(3);
        assertThat(ResourceNames.number(null)).isEqualTo(-1);
        assertThat(ResourceNames.number("x")).isEqualTo(-1);
    }

    @Test
    void free_fillsGapsFirst() {
        assertThat(ResourceNames.free(List.of(), 3)).containsExactly(1, 2, 3);
        assertThat(ResourceNames.free(List.of(1, 3), 2)).containsExactly(2, 4);
        assertThat(ResourceNames.free(List.of(1, 2), 0)).isEmpty();
    }
}
