package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The short syntaxes of ports, volumes and commands, table by table. */
class ShortSyntaxTest {

    /** A port mapping as "host_ip|published|target|protocol" for compact tables. */
    private static String show(Map<String, Object> m) {
        return m.get("host_ip") + "|" + m.get("published") + "|" + m.get("target") + "|" + m.get("protocol");
    }

    static Stream<Arguments> ports() {
        return Stream.of(
                Arguments.of("80", List.of("null|null|80|tcp")),
                Arguments.of("8080:80", List.of("null|8080|80|tcp")),
                Arguments.of("8080:80/udp", List.of("null|8080|80|udp")),
                Arguments.of("127.0.0.1:8080:80", List.of("127.0.0.1|8080|80|tcp")),
                Arguments.of("127.0.0.1::80", List.of("127.0.0.1|null|80|tcp")),
                Arguments.of("127.0.0.1:8080-8081:80-81", List.of("127.0.0.1|8080|80|tcp", "127.0.0.1|8081|81|tcp")),
                Arguments.of("3000-3001", List.of("null|null|3000|tcp", "null|null|3001|tcp")),
                Arguments.of("8000-8010:80", List.of("null|8000-8010|80|tcp")),
                Arguments.of("[::1]:6000:6000", List.of("::1|6000|6000|tcp")),
                Arguments.of("::1:6000:6000", List.of("::1|6000|6000|tcp")),
                Arguments.of("22:22", List.of("null|22|22|tcp")),
                Arguments.of("5000:5000/sctp", List.of("null|5000|5000|sctp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void ports_expandToLongSyntax(String spec, List<String> expected) {
        assertThat(PortSyntax.parse(spec).stream().map(ShortSyntaxTest::show).toList()).isEqualTo(expected);
        assertThat(PortSyntax.parse(spec)).allSatisfy(m -> assertThat(m.get("mode")).isEqualTo("ingress"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "70000", "8080:80/icmp", "8080-8082:80-81", "81-80", "8080:", "1:2:3:4x"})
    void ports_rejectInvalid(String spec) {
        assertThatThrownBy(() -> PortSyntax.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid port \"" + spec + "\"");
    }

    static Stream<Arguments> volumes() {
        return Stream.of(
                Arguments.of("/data", Map.of("type", "volume", "target", "/data")),
                Arguments.of("db:/var/lib/db", Map.of("type", "volume", "source", "db", "target", "/var/lib/db")),
                Arguments.of("./data:/data:ro", Map.of("type", "bind", "source", "./data", "target", "/data", "read_only", true,
                        "bind", Map.of("create_host_path", true))),
                Arguments.of("/host:/c", Map.of("type", "bind", "source", "/host", "target", "/c", "bind", Map.of("create_host_path", true))),
                Arguments.of("~/x:/c:rw,z", Map.of("type", "bind", "source", "~/x", "target", "/c", "read_only", false,
                        "bind", Map.of("create_host_path", true, "selinux", "z"))),
                Arguments.of("db:/d:nocopy", Map.of("type", "volume", "source", "db", "target", "/d", "volume", Map.of("nocopy", true))),
                Arguments.of("/h:/c:rshared,cached", Map.of("type", "bind", "source", "/h", "target", "/c", "consistency", "cached",
                        "bind", Map.of("create_host_path", true, "propagation", "rshared"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volumes")
    void volumes_expandToLongSyntax(String spec, Map<String, Object> expected) {
        assertThat(VolumeSyntax.parse(spec)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:relative", "a:b:c:d", ":/x", "/a:/b:bogus", "db:/d:z"})
    void volumes_rejectInvalid(String spec) {
        assertThatThrownBy(() -> VolumeSyntax.parse(spec)).hasMessageContaining("invalid volume \"" + spec + "\"");
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("echo hello", List.of("echo", "hello")),
                Arguments.of("  sh  -c   'echo a b'  ", List.of("sh", "-c", "echo a b")),
                Arguments.of("echo \"a \\\"b\\\" c\"", List.of("echo", "a \"b\" c")),
                Arguments.of("echo a\\ b", List.of("echo", "a b")),
                Arguments.of("echo ''", List.of("echo", "")),
                Arguments.of("echo $HOME", List.of("echo", "$HOME")),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("commands")
    void commands_splitAsAShellWould(String text, List<String> words) {
        assertThat(ShellWords.split(text)).isEqualTo(words);
    }
}
