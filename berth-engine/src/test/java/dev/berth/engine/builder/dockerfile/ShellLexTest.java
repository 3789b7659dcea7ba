package dev.berth.engine.builder.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellLexTest {

    private static final Map<String, String> ENV = Map.of("A", "a", "EMPTY", "", "SP", "x y", "PATH", "/bin");

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "hello|hello",
        "$A|a",
        "${A}b|ab",
        "$Ab|''",
        "he'll'o|hello",
        "'$A'|$A",
        "\"$A\"|a",
        "\"a\\\"b\"|a\"b",
        "\"a\\nb\"|a\\nb",
        "\\$A|$A",
        "a\\ b|a b",
        "${NOPE:-def}|def",
        "${EMPTY:-def}|def",
        "${EMPTY-def}|''",
        "${A:-def}|a",
        "${A:+alt}|alt",
        "${NOPE:+alt}|''",
        "${EMPTY+alt}|alt",
        "${NOPE:-${A}x}|ax",
        "$|$",
        "a$|a$",
        "$1|$1",
        "${PATH}:/usr/bin|/bin:/usr/bin",
        "x y|x y",
        "$SP|x y",
    })
    void processWord(String in, String expected) {
        assertThat(new ShellLex('\\').processWord(in, ENV)).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a b  c|a,b,c",
        "'a b' c|a b,c",
        "$SP z|x,y,z",
        "\"$SP\" z|x y,z",
        "80/tcp ${A}|80/tcp,a",
        "\"\" x|,x",
    })
    void processWords(String in, String expected) {
        List<String> want = Arrays.asList(expected.split(",", -1));
        assertThat(new ShellLex('\\').processWords(in, ENV)).isEqualTo(want);
    }

    @ParameterizedTest(name = "[{0}] fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "'abc|single-quote",
        "\"abc|double-quote",
        "${A|bad substitution",
        "${NOPE:?must be set}|NOPE: must be set",
        "${|variable name",
    })
    void errors(String in, String message) {
        assertThatThrownBy(() -> new ShellLex('\\').processWord(in, ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a=1 b=\"x y\"|a=1;b=\"x y\"",
        "c='q r' d|c='q r';d",
        "e=a\\ b|e=a\\ b",
    })
    void rawWords_keepQuotes(String in, String expected) {
        assertThat(new ShellLex('\\').rawWords(in)).isEqualTo(Arrays.asList(expected.split(";")));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "C:\\dir|C:\\dir",
        "a` b|a b",
        "`$A|$A",
    })
    void backtickEscape(String in, String expected) {
        assertThat(new ShellLex('`').processWord(in, ENV)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "echo \"hello ${A}\"|echo \"hello a\"",
        "'$A' and \"$A\"|'a' and \"a\"",
        "keep \\$A|keep \\$A",
        "${NOPE:-x} $SP|x x y",
        "no vars|no vars",
    })
    void processHeredoc_expandsVariables_keepsQuotesAndEscapes(String in, String expected) {
        assertThat(new ShellLex('\\').processHeredoc(in + "\n", ENV)).isEqualTo(expected + "\n");
    }
}
