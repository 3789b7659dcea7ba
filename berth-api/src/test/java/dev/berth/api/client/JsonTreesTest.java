package dev.berth.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonTrees builds exactly the trees ObjectMapper.readTree builds, node types included. */
class JsonTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "{}", "null", "true", "\"x\"", "0", "-2147483648", "2147483648", "9223372036854775808", "1.5", "1e3",
        "[{\"Id\":\"a\",\"Names\":[\"/web\"],\"Created\":1700000000,\"Labels\":{},\"SizeRw\":null,\"Ok\":false}]",
        "{\"a\":1,\"a\":2}", "{\"nested\":{\"deep\":[[1,[2,{\"x\":\"\\u00e9\\n\"}]]]}}"})
    void read_matchesObjectMapper(String json) throws IOException {
        JsonNode expected = Json.MAPPER.readTree(json);
        JsonNode actual = JsonTrees.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
        assertThat(types(actual)).isEqualTo(types(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void read_emptyInput_isNull(String json) throws IOException {
        assertThat(JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,", "{\"a\"}", "[1 2]"})
    void read_malformed_throws(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    /** The node classes of a tree, depth first, to tell IntNode from LongNode. */
    private static String types(JsonNode node) {
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName());
        node.forEach(child -> sb.append('(').append(types(child)).append(')'));
        return sb.toString();
    }
}
