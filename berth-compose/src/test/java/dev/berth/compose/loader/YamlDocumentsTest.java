package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    @Test
    void anchorsAliasesAndMergeKeys_resolve() {
        Map<String, Object> doc = YamlDocuments.parse("f", """
                x-common: &common
                  restart: always
                  environment:
                    A: "1"
                services:
                  web:
                    <<: *common
                    image: nginx
                  worker:
                    <<: [*common]
                    restart: "on-failure"
                    environment: *common
                """);
        Map<?, ?> services = (Map<?, ?>) doc.get("services");
        assertThat(services.get("web")).isEqualTo(Map.of("restart", "always", "environment", Map.of("A", "1"), "image", "nginx"));
        Map<?, ?> worker = (Map<?, ?>) services.get("worker");
        assertThat(worker.get("restart")).isEqualTo("on-failure");
    }

    @Test
    void aliases_areIndependentCopies() {
        Map<String, Object> doc = YamlDocuments.parse("f", "a: &x {k: v}\nb: *x\n");
        assertThat(doc.get("a")).isEqualTo(doc.get("b")).isNotSameAs(doc.get("b"));
    }

    @Test
    void scalars_resolveAsYaml12CoreSchema() {
        Map<String, Object> doc = YamlDocuments.parse("f", """
                restart: no
                tty: on
                flag: true
                port: 22:22
                int: 42
                octal: 0440
                float: 0.5
                empty:
                nothing: null
                str: "true"
                date: 2001-12-14
                """);
        assertThat(doc.get("restart")).isEqualTo("no");
        assertThat(doc.get("tty")).isEqualTo("on");
        assertThat(doc.get("flag")).isEqualTo(true);
        assertThat(doc.get("port")).isEqualTo("22:22");
        assertThat(doc.get("int")).isEqualTo(42);
        assertThat(doc.get("octal")).isEqualTo(0440);
        assertThat(doc.get("float")).isEqualTo(0.5);
        assertThat(doc.get("empty")).isNull();
        assertThat(doc.get("nothing")).isNull();
        assertThat(doc.get("str")).isEqualTo("true");
        assertThat(doc.get("date")).isEqualTo("2001-12-14");
    }

    @Test
    void emptyDocument_isAnEmptyMapping() {
        assertThat(YamlDocuments.parse("f", "")).isEmpty();
        assertThat(YamlDocuments.parse("f", "# only a comment\n")).isEmpty();
    }

    @Test
    void duplicateKeys_areErrorsWithTheLine() {
        assertThatThrownBy(() -> YamlDocuments.parse("/app/compose.yaml", "services:\n  web: {}\n  web: {}\n"))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith("/app/compose.yaml: invalid YAML: line 3")
                .hasMessageContaining("duplicate key web");
    }

    @Test
    void brokenYaml_namesFileAndLine() {
        assertThatThrownBy(() -> YamlDocuments.parse("c.yaml", "services:\n  web:\n    image: [a\n"))
                .hasMessageStartingWith("c.yaml: invalid YAML: line");
    }

    @Test
    void topLevelList_isRejected() {
        assertThatThrownBy(() -> YamlDocuments.parse("c.yaml", "- a\n")).hasMessage("c.yaml: the top level must be a mapping");
        assertThat(YamlDocuments.parse("c.yaml", "k: [1, 2]\n").get("k")).isEqualTo(List.of(1, 2));
    }
}
