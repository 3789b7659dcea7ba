package dev.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FiltersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "status=exited|{\"status\":{\"exited\":true}}",
            "status=exited,status=created|{\"status\":{\"created\":true,\"exited\":true}}",
            "name=web,label=a=b|{\"label\":{\"a=b\":true},\"name\":{\"web\":true}}",
            "label=com.docker.compose.project|{\"label\":{\"com.docker.compose.project\":true}}",
            "name=\"q\"|{\"name\":{\"\\\"q\\\"\":true}}",
    })
    void toJson_encodesAsTheGoClientDoes(String flags, String json) {
        assertThat(Filters.parse(List.of(flags.split(","))).toJson()).isEqualTo(json);
    }

    @Test
    void none_isEmptyObject() {
        assertThat(Filters.none().toJson()).isEqualTo("{}");
        assertThat(Filters.none().isEmpty()).isTrue();
    }

    @Test
    void parse_refusesFlagWithoutEquals() {
        assertThatThrownBy(() -> Filters.parse(List.of("dangling")))
                .hasMessage("bad format of filter (expected name=value)");
    }
}
