package dev.berth.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTest {

    @ParameterizedTest(name = "{0}: {1} = [{2}]")
    @CsvSource(delimiter = '|', value = {
        "all=1                          | all     | 1",
        "t=a+b                          | t       | a b",
        "t=a%2Bb                        | t       | a+b",
        "filters=%7B%22label%22%3A%5B%5D%7D | filters | {\"label\":[]}",
        "flag                           | flag    | ''",
        "flag=                          | flag    | ''",
        "a=1&&b=2                       | b       | 2",
        "n%C3%A4me=v%C3%A4l             | näme    | väl",
        "x=a=b                          | x       | a=b",
    })
    void parse_decodesFirstValue(String raw, String name, String value) {
        assertThat(Query.parse(raw).first(name)).isEqualTo(value);
    }

    @Test
    void parse_keepsRepeatedValuesInOrder() {
        Query q = Query.parse("t=a&x=1&t=b&t=c");
        assertThat(q.all("t")).containsExactly("a", "b", "c");
        assertThat(q.names()).containsExactly("t", "x");
        assertThat(q.first("missing")).isNull();
        assertThat(q.all("missing")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "%g1=x"})
    void parse_rejectsMalformedEscapes(String raw) {
        assertThatThrownBy(() -> Query.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encode_roundTripsThroughParse() {
        Query q = Query.builder().add("fromImage", "localhost:5000/foo").add("tag", "a b&c=d+e/ü")
                .add("t", "x").add("t", "y").build();
        assertThat(q.encode()).isEqualTo("fromImage=localhost%3A5000%2Ffoo&tag=a+b%26c%3Dd%2Be%2F%C3%BC&t=x&t=y");
        Query back = Query.parse(q.encode());
        assertThat(back.first("tag")).isEqualTo("a b&c=d+e/ü");
        assertThat(back.all("t")).isEqualTo(List.of("x", "y"));
    }

    @Test
    void encodePath_keepsImageReferencesReadable() {
        assertThat(UriCodec.encodePath("/images/localhost:5000/foo:tag@sha256:ab/json"))
                .isEqualTo("/images/localhost:5000/foo:tag@sha256:ab/json");
        assertThat(UriCodec.encodePath("/a b?c#d%")).isEqualTo("/a%20b%3Fc%23d%25");
        assertThat(UriCodec.decodePath("/a%20b+c%2Fd")).isEqualTo("/a b+c/d");
        assertThat(HttpRequest.target("/containers/json", Query.builder().add("all", "1").build()))
                .isEqualTo("/containers/json?all=1");
    }
}
