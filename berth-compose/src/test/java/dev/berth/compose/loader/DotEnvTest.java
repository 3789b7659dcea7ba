package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void parse_readsTheDotenvForms() {
        String text = """
                # a comment
                PLAIN=value
                export EXPORTED=yes
                SPACED = padded  
                SINGLE='a $PLAIN b'
                DOUBLE="line1\\nline2 ${PLAIN}"
                UNQUOTED=${PLAIN}-x # trailing comment
                HASH=a#b
                EMPTY=
                DECLARED
                FROM_OUTSIDE=${OUTSIDE:-none}
                MULTI="first
                second"
                """;
        Map<String, String> outside = new HashMap<>(Map.of("OUTSIDE", "out"));
        Map<String, String> vars = DotEnv.parse(".env", text, outside::get);
        Map<String, String> expected = new HashMap<>();
        expected.put("PLAIN", "value");
        expected.put("EXPORTED", "yes");
        expected.put("SPACED", "padded");
        expected.put("SINGLE", "a $PLAIN b");
        expected.put("DOUBLE", "line1\nline2 value");
        expected.put("UNQUOTED", "value-x");
        expected.put("HASH", "a#b");
        expected.put("EMPTY", "");
        expected.put("DECLARED", null);
        expected.put("FROM_OUTSIDE", "out");
        expected.put("MULTI", "first\nsecond");
        assertThat(vars).isEqualTo(expected);
    }

    @Test
    void parse_rejectsBadNamesWithTheLine() {
        assertThatThrownBy(() -> DotEnv.parse("/p/.env", "OK=1\n1BAD=2\n", k -> null))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("/p/.env: line 2: invalid variable name \"1BAD\"");
    }

    @Test
    void parse_rejectsUnterminatedQuotes() {
        assertThatThrownBy(() -> DotEnv.parse(".env", "A=\"open\n", k -> null)).hasMessageContaining("unterminated double quote");
    }
}
