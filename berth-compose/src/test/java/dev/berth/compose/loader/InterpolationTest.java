package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolationTest {
    private static final Map<String, String> ENV = new HashMap<>();

    static {
        ENV.put("SET", "value");
        ENV.put("EMPTY", "");
        ENV.put("PORT", "8080");
        ENV.put("INNER", "in");
    }

    private static String sub(String text) {
        return Interpolation.substitute(text, ENV::get, "compose.yaml", KeyPath.ROOT.key("services").key("web").key("image"), null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("$SET", "value"),
                Arguments.of("${SET}", "value"),
                Arguments.of("a-${SET}-b", "a-value-b"),
                Arguments.of("$SET.txt", "value.txt"),
                Arguments.of("${UNSET}", ""),
                Arguments.of("$UNSET", ""),
                Arguments.of("${UNSET:-d}", "d"),
                Arguments.of("${EMPTY:-d}", "d"),
                Arguments.of("${SET:-d}", "value"),
                Arguments.of("${UNSET-d}", "d"),
                Arguments.of("${EMPTY-d}", ""),
                Arguments.of("${SET:+r}", "r"),
                Arguments.of("${EMPTY:+r}", ""),
                Arguments.of("${EMPTY+r}", "r"),
                Arguments.of("${UNSET+r}", ""),
                Arguments.of("${SET?err}", "value"),
                Arguments.of("${EMPTY?err}", ""),
                Arguments.of("$$", "$"),
                Arguments.of("$${SET}", "${SET}"),
                Arguments.of("echo $$HOME", "echo $HOME"),
                Arguments.of("${UNSET:-${INNER}}", "in"),
                Arguments.of("${UNSET:-${ALSO_UNSET:-deep}}", "deep"),
                Arguments.of("${UNSET:-a ${INNER} b}", "a in b"),
                Arguments.of("${PORT}:80", "8080:80"),
                Arguments.of("${UNSET:-}", ""),
                Arguments.of("${UNSET:-a:b}", "a:b"),
                Arguments.of("${SET:+${PORT}}", "8080"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void substitute_followsTheSpec(String text, String expected) {
        assertThat(sub(text)).isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("${UNSET:?must be set}", "compose.yaml: services.web.image: required variable UNSET is missing a value: must be set"),
                Arguments.of("${EMPTY:?must be set}", "required variable EMPTY is missing a value: must be set"),
                Arguments.of("${UNSET?}", "required variable UNSET is missing a value"),
                Arguments.of("${UNSET:?${PORT} needed}", "missing a value: 8080 needed"),
                Arguments.of("cost $5", "invalid interpolation format \"cost $5\""),
                Arguments.of("${SET", "invalid interpolation format"),
                Arguments.of("${}", "invalid interpolation format"),
                Arguments.of("${1X}", "invalid interpolation format"),
                Arguments.of("${SET:x}", "invalid interpolation format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void substitute_rejectsWithKeyPath(String text, String message) {
        assertThatThrownBy(() -> sub(text)).isInstanceOf(ComposeFileException.class).hasMessageContaining(message);
    }

    @Test
    void unsetVariable_warns() {
        List<String> warnings = new ArrayList<>();
        Interpolation.substitute("${NOPE}", ENV::get, "f", KeyPath.ROOT, warnings::add);
        assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void interpolate_walksValuesNotKeysNorExtensions() {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("x-template", Map.of("a", "${UNSET:?would fail}"));
        tree.put("services", Map.of("${SET}", Map.of("ports", List.of("${PORT}:80"))));
        Map<String, Object> out = Interpolation.interpolate(tree, ENV::get, "f", null);
        assertThat(out.get("services")).isEqualTo(Map.of("${SET}", Map.of("ports", List.of("8080:80"))));
    }
}
