package dev.berth.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.http.Query;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ApiTest {

    @ParameterizedTest
    @CsvSource({"all=1,true", "all=true,true", "all=True,true", "all=0,false", "all=false,false",
            "all=False,false", "all=no,false", "all=none,false", "all=,false", "other=1,false"})
    void bool_followsMobysRules(String query, boolean expected) {
        assertThat(Api.bool(Query.parse(query), "all")).isEqualTo(expected);
    }

    @Test
    void filters_acceptTheGoClientsForm() {
        var q = Query.builder().add("filters", "{\"label\":{\"a=b\":true,\"c\":true},\"status\":{\"exited\":true}}").build();
        var f = Api.filters(q);
        assertThat(f.get("label")).containsExactlyInAnyOrder("a=b", "c");
        assertThat(f.get("status")).containsExactly("exited");
    }

    @Test
    void filters_acceptDockerPysForm() {
        var q = Query.builder().add("filters", "{\"label\":[\"a=b\"],\"name\":[\"web\"]}").build();
        assertThat(Api.filters(q)).containsEntry("label", List.of("a=b")).containsEntry("name", List.of("web"));
    }

    @Test
    void filters_refuseGarbage() {
        var q = Query.builder().add("filters", "[1,2").build();
        assertThatThrownBy(() -> Api.filters(q)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void integer_refusesNonNumbers() {
        assertThat(Api.integer(Query.parse("t=5"), "t", null)).isEqualTo(5);
        assertThat(Api.integer(Query.parse(""), "t", 10)).isEqualTo(10);
        assertThatThrownBy(() -> Api.integer(Query.parse("t=abc"), "t", null))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
