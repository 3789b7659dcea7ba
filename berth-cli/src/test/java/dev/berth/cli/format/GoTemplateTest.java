package dev.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoTemplateTest {

    private static final JsonNode INSPECT = json("""
            {"Id":"4f66ad9a0b2e","Name":"/web","RestartCount":0,"Size":1000000,"Ratio":0.25,
             "State":{"Status":"running","Running":true,"Pid":4242,"Health":null},
             "Config":{"Env":["PATH=/usr/bin","LANG=C"],"Cmd":["nginx","-g","daemon off;"],
                       "Labels":{"com.example.b":"2","com.example.a":"1"},"Entrypoint":null},
             "Mounts":[{"Type":"volume","Source":"/var/lib/v1","Destination":"/data"},
                       {"Type":"bind","Source":"/etc/hosts","Destination":"/etc/hosts"}],
             "Names":["/web","/alias"],"Empty":[],"Port":"80/tcp"}
            """);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{.Name}}", "/web"),
                Arguments.of("id={{.Id}}!", "id=4f66ad9a0b2e!"),
                Arguments.of("{{.State.Status}} {{.State.Pid}}", "running 4242"),
                Arguments.of("{{.Config.Env}}", "[PATH=/usr/bin LANG=C]"),
                Arguments.of("{{.Config.Labels}}", "map[com.example.a:1 com.example.b:2]"),
                Arguments.of("{{.State.Running}}", "true"),
                Arguments.of("{{.Size}} {{.Ratio}} {{.RestartCount}}", "1000000 0.25 0"),
                Arguments.of("{{.Missing}}", "<no value>"),
                Arguments.of("{{.Missing.Deeper}}", "<no value>"),
                Arguments.of("{{.State.Health}}", "<no value>"),
                Arguments.of("{{.Empty}}", "[]"),
                Arguments.of("{{json .Config.Cmd}}", "[\"nginx\",\"-g\",\"daemon off;\"]"),
                Arguments.of("{{json .State}}", "{\"Status\":\"running\",\"Running\":true,\"Pid\":4242,\"Health\":null}"),
                Arguments.of("{{json .Missing}}", "null"),
                Arguments.of("{{json .Config.Entrypoint}}", "null"),
                Arguments.of("{{range .Mounts}}{{.Source}}:{{.Destination}} {{end}}", "/var/lib/v1:/data /etc/hosts:/etc/hosts "),
                Arguments.of("{{range $i, $m := .Mounts}}{{$i}}={{$m.Type}};{{end}}", "0=volume;1=bind;"),
                Arguments.of("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}},{{end}}", "com.example.a=1,com.example.b=2,"),
                Arguments.of("{{range $v := .Config.Labels}}{{$v}}{{end}}", "12"),
                Arguments.of("{{range .Empty}}x{{else}}none{{end}}", "none"),
                Arguments.of("{{range .Missing}}x{{else}}none{{end}}", "none"),
                Arguments.of("{{range .Config.Env}}{{if eq . \"LANG=C\"}}{{break}}{{end}}{{.}} {{end}}", "PATH=/usr/bin "),
                Arguments.of("{{range .Config.Env}}{{if eq . \"PATH=/usr/bin\"}}{{continue}}{{end}}{{.}}{{end}}", "LANG=C"),
                Arguments.of("{{range 3}}{{.}}{{end}}", "012"),
                Arguments.of("{{if .State.Running}}up{{else}}down{{end}}", "up"),
                Arguments.of("{{if .Empty}}yes{{else}}no{{end}}", "no"),
                Arguments.of("{{if .Missing}}a{{else if .State.Running}}b{{else}}c{{end}}", "b"),
                Arguments.of("{{if and .State.Running (eq .State.Pid 4242)}}ok{{end}}", "ok"),
                Arguments.of("{{or .Missing \"default\"}}", "default"),
                Arguments.of("{{and .State.Running .Name}}", "/web"),
                Arguments.of("{{not .State.Running}}", "false"),
                Arguments.of("{{with .State}}{{.Status}}{{end}}", "running"),
                Arguments.of("{{with .Missing}}x{{else}}y{{end}}", "y"),
                Arguments.of("{{index .Config.Labels \"com.example.a\"}}", "1"),
                Arguments.of("[{{index .Config.Labels \"absent\"}}]", "[]"),
                Arguments.of("{{index .Config.Env 1}}", "LANG=C"),
                Arguments.of("{{index .Mounts 0 | json}}", "{\"Type\":\"volume\",\"Source\":\"/var/lib/v1\",\"Destination\":\"/data\"}"),
                Arguments.of("{{(index .Mounts 1).Source}}", "/etc/hosts"),
                Arguments.of("{{join .Names \",\"}}", "/web,/alias"),
                Arguments.of("{{join .Missing \",\"}}", ""),
                Arguments.of("{{.Name | upper}}", "/WEB"),
                Arguments.of("{{lower \"ABC\"}} {{upper \"abc\"}} {{title \"hello big-world\"}}", "abc ABC Hello Big-World"),
                Arguments.of("{{split .Port \"/\"}}", "[80 tcp]"),
                Arguments.of("{{index (split .Port \"/\") 0}}", "80"),
                Arguments.of("{{len .Config.Env}} {{len .Name}} {{len .Config.Labels}}", "2 4 2"),
                Arguments.of("{{printf \"%s:%d\" .Name .State.Pid}}", "/web:4242"),
                Arguments.of("{{printf \"%-6s|%5s|%05d|%q|%v|%x\" \"ab\" \"cd\" 42 \"q\" .Config.Env 255}}", "ab    |   cd|00042|\"q\"|[PATH=/usr/bin LANG=C]|ff"),
                Arguments.of("{{printf \"%.2f %t %%\" .Ratio true}}", "0.25 true %"),
                Arguments.of("{{printf \"%d\"}}", "%!d(MISSING)"),
                Arguments.of("{{println .Name \"x\"}}", "/web x\n"),
                Arguments.of("{{print 1 2 \"a\" \"b\" 3}}", "1 2ab3"),
                Arguments.of("{{$n := .Name}}{{$n}}{{$n = \"x\"}}{{$n}}", "/webx"),
                Arguments.of("{{range .Mounts}}{{$.Name}}{{end}}", "/web/web"),
                Arguments.of("a  {{- .Name -}}  \n b", "a/webb"),
                Arguments.of("a {{/* comment */}}b {{- /* trimmed */ -}} c", "a bc"),
                Arguments.of("{{\"quoted \\\"x\\\"\\t\"}}{{`raw\\n`}}", "quoted \"x\"\traw\\n"),
                Arguments.of("{{1.5}} {{-3}} {{0x1F}} {{true}} {{'a'}}", "1.5 -3 31 true 97"),
                Arguments.of("{{eq .State.Status \"exited\" \"running\"}} {{ne 1 2}} {{lt 1 2}} {{ge \"b\" \"a\"}}", "true true true true"),
                Arguments.of("{{pad .Name 1 2}}|{{pad \"\" 1 1 | printf \"%q\"}}", " /web  |\"\""),
                Arguments.of("{{truncate .Id 4}}", "4f66"),
                Arguments.of("{{slice .Id 0 2}} {{slice .Config.Env 1}}", "4f [LANG=C]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void execute_printsAsDocker(String template, String expected) {
        assertThat(GoTemplate.parse(template).execute(INSPECT)).isEqualTo(expected);
    }

    @Test
    void execute_printsNestedMapsSortedAndNilInsideCollections() {
        assertThat(GoTemplate.parse("{{.}}").execute(json("{\"b\":[1,null],\"a\":{\"x\":true}}")))
                .isEqualTo("map[a:map[x:true] b:[1 <nil>]]");
    }

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                Arguments.of("{{.Name", "template: :1: unclosed action"),
                Arguments.of("{{foo .Name}}", "template: :1: function \"foo\" not defined"),
                Arguments.of("{{if .X}}a", "template: :1: unexpected EOF"),
                Arguments.of("a\n{{end}}", "template: :2: unexpected {{end}}"),
                Arguments.of("{{$x}}", "template: :1: undefined variable \"$x\""),
                Arguments.of("{{break}}", "template: :1: {{break}} outside {{range}}"),
                Arguments.of("{{}}", "template: :1: missing value for command"),
                Arguments.of("{{\"abc}}", "template: :1: unterminated quoted string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseErrors")
    void parse_reportsGoErrors(String template, String message) {
        assertThatThrownBy(() -> GoTemplate.parse(template)).isInstanceOf(TemplateException.class).hasMessage(message);
    }

    static Stream<Arguments> execErrors() {
        return Stream.of(
                Arguments.of("{{.Name.X}}", "template: :1:2: executing \"\" at <.Name.X>: can't evaluate field X in type string"),
                Arguments.of("x\n {{index .Config.Env 5}}", "template: :2:3: executing \"\" at <index .Config.Env 5>: error calling index: index out of range: 5"),
                Arguments.of("{{join .Name \",\"}}", "template: :1:2: executing \"\" at <join .Name \",\">: error calling join: expected slice, got string"),
                Arguments.of("{{lower}}", "template: :1:2: executing \"\" at <lower>: wrong number of args for lower: want 1 got 0"),
                Arguments.of("{{range .Name}}{{end}}", "template: :1:8: executing \"\" at <.Name>: range can't iterate over /web"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("execErrors")
    void execute_reportsGoErrors(String template, String message) {
        GoTemplate parsed = GoTemplate.parse(template);
        assertThatThrownBy(() -> parsed.execute(INSPECT)).isInstanceOf(TemplateException.class).hasMessage(message);
    }

    @Test
    void executeHeader_printsColumnNamesThroughDockerHeaderFunctions() {
        GoTemplate t = GoTemplate.parse("{{.ID}}\t{{json .Labels}}\t{{upper .Names}}\t{{.Unknown}}");
        assertThat(t.executeHeader(Map.of("ID", "CONTAINER ID", "Labels", "LABELS", "Names", "NAMES")))
                .isEqualTo("CONTAINER ID\tLABELS\tNAMES\t<no value>");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
