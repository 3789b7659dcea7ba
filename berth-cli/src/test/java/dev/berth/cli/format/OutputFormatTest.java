package dev.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String ID = "4f66ad9a0b2e9c5d1e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";

    private static final JsonNode CONTAINER = json("""
            {"Id":"%s","Names":["/web","/other/alias"],"Image":"nginx:latest",
             "ImageID":"sha256:aa11bb22cc33dd44ee55ff6677889900aa11bb22cc33dd44ee55ff6677889900",
             "Command":"/docker-entrypoint.sh nginx -g 'daemon off;'","Created":%d,
             "State":"running","Status":"Up 5 minutes",
             "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
             "Labels":{"b":"2","a":"1"},
             "Mounts":[{"Name":"a-very-long-volume-name","Source":"/x","Driver":"local"},{"Source":"/etc/hosts"}],
             "NetworkSettings":{"Networks":{"bridge":{},"app":{}}},"SizeRw":1234567,"SizeRootFs":187654321}
            """.formatted(ID, NOW.getEpochSecond() - 300));

    private static List<ObjectNode> ps(boolean trunc) {
        return List.of(ContainerRows.of(CONTAINER, trunc, NOW, UTC));
    }

    @Test
    void ps_defaultTable_matchesDocker() {
        String out = OutputFormat.containers("", false, false).render(ps(true), ContainerRows.HEADERS);
        assertThat(out).isEqualTo("""
                CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS                           NAMES
                4f66ad9a0b2e   nginx:latest   "/docker-entrypoint.…"   5 minutes ago   Up 5 minutes   443/tcp, 0.0.0.0:8080->80/tcp   web
                """);
    }

    @Test
    void ps_emptyList_stillPrintsHeader() {
        assertThat(OutputFormat.containers("table", false, false).render(List.of(), ContainerRows.HEADERS))
                .isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    }

    @Test
    void ps_quiet_printsShortIds_andNoTruncFullIds() {
        assertThat(OutputFormat.containers("", true, false).render(ps(true), ContainerRows.HEADERS)).isEqualTo("4f66ad9a0b2e\n");
        assertThat(OutputFormat.containers("", true, false).render(ps(false), ContainerRows.HEADERS)).isEqualTo(ID + "\n");
    }

    @Test
    void ps_noTrunc_keepsFullCommandAllNamesAndMounts() {
        ObjectNode row = ps(false).getFirst();
        assertThat(row.get("Command").asText()).isEqualTo("\"/docker-entrypoint.sh nginx -g 'daemon off;'\"");
        assertThat(row.get("Names").asText()).isEqualTo("web,other/alias");
        assertThat(row.get("Mounts").asText()).isEqualTo("a-very-long-volume-name,/etc/hosts");
        assertThat(ps(true).getFirst().get("Mounts").asText()).isEqualTo("a-very-long-vo…,/etc/hosts");
    }

    @Test
    void ps_customTemplate_withoutTable_printsOneLinePerRow() {
        assertThat(OutputFormat.containers("{{.Names}}: {{.Labels}} {{.Networks}} {{.LocalVolumes}}", false, false)
                .render(ps(true), ContainerRows.HEADERS)).isEqualTo("web: a=1,b=2 app,bridge 1\n");
    }

    @Test
    void ps_customTable_withSize() {
        String out = OutputFormat.containers("table {{.Names}}\\t{{.Size}}", false, false).render(ps(true), ContainerRows.HEADERS);
        assertThat(out).isEqualTo("""
                NAMES     SIZE
                web       1.23MB (virtual 188MB)
                """);
    }

    @Test
    void ps_json_printsOneObjectPerLineWithSortedKeys() {
        String out = OutputFormat.containers("json", false, false).render(ps(true), ContainerRows.HEADERS);
        assertThat(out).startsWith("{\"Command\":\"\\\"/docker-entrypoint.…\\\"\",\"CreatedAt\":\"2025-03-01 11:55:00 +0000 UTC\",")
                .contains("\"ID\":\"4f66ad9a0b2e\"", "\"Platform\":null", "\"RunningFor\":\"5 minutes ago\"")
                .endsWith("\"State\":\"running\",\"Status\":\"Up 5 minutes\"}\n");
    }

    @Test
    void ps_raw_printsKeyValueBlocks() {
        String out = OutputFormat.containers("raw", false, false).render(ps(true), ContainerRows.HEADERS);
        assertThat(out).isEqualTo("""
                container_id: 4f66ad9a0b2e
                image: nginx:latest
                command: "/docker-entrypoint.…"
                created_at: 2025-03-01 11:55:00 +0000 UTC
                state: running
                status: Up 5 minutes
                names: web
                labels: a=1,b=2
                ports: 443/tcp, 0.0.0.0:8080->80/tcp

                """);
    }

    @Test
    void render_templateErrors_areReportedAsDockerDoes() {
        assertThatThrownBy(() -> new OutputFormat("{{.Names").render(ps(true), ContainerRows.HEADERS))
                .hasMessage("template parsing error: template: :1: unclosed action");
    }

    @Test
    void images_defaultTable_oneRowPerTag_andDanglingAsNone() {
        JsonNode tagged = json("""
                {"Id":"sha256:1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988","Created":%d,
                 "RepoTags":["nginx:latest","nginx:1.27"],"RepoDigests":["nginx@sha256:0123"],
                 "Size":187654321,"SharedSize":-1,"Containers":-1}
                """.formatted(NOW.getEpochSecond() - 3 * 86400));
        JsonNode dangling = json("""
                {"Id":"sha256:99aa88bb77cc66dd55ee44ff3300112299aa88bb77cc66dd55ee44ff33001122","Created":%d,
                 "RepoTags":[],"RepoDigests":[],"Size":7000,"SharedSize":0,"Containers":2}
                """.formatted(NOW.getEpochSecond() - 7200));
        List<ObjectNode> rows = new java.util.ArrayList<>(ImageRows.of(tagged, true, false, false, NOW, UTC));
        rows.addAll(ImageRows.of(dangling, true, false, false, NOW, UTC));
        String out = OutputFormat.images("", false, false).render(rows, ImageRows.HEADERS);
        assertThat(out).isEqualTo("""
                REPOSITORY   TAG       IMAGE ID       CREATED       SIZE
                nginx        latest    1f2e3d4c5b6a   3 days ago    188MB
                nginx        1.27      1f2e3d4c5b6a   3 days ago    188MB
                <none>       <none>    99aa88bb77cc   2 hours ago   7kB
                """);
        assertThat(rows.getLast().get("Containers").asText()).isEqualTo("2");
        assertThat(rows.getFirst().get("SharedSize").asText()).isEqualTo("N/A");
    }

    @Test
    void images_digests_addsDigestColumnAndRowPerDigest() {
        JsonNode tagged = json("""
                {"Id":"sha256:1f2e3d4c5b6a","Created":0,"RepoTags":["docker.io/library/nginx:latest"],
                 "RepoDigests":["docker.io/library/nginx@sha256:0123"],"Size":0}
                """);
        List<ObjectNode> rows = ImageRows.of(tagged, true, true, false, NOW, UTC);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("Repository").asText()).isEqualTo("nginx");
        assertThat(rows.getFirst().get("Digest").asText()).isEqualTo("sha256:0123");
        assertThat(OutputFormat.images("table {{.ID}}", false, true).source()).isEqualTo("table {{.ID}}\t{{.Digest}}");
        assertThat(OutputFormat.images("", false, true).source()).isEqualTo(OutputFormat.IMAGE_TABLE_WITH_DIGEST);
    }

    @Test
    void templateText_dropsTablePrefixAndExpandsEscapes() {
        assertThat(new OutputFormat("table  {{.ID}}\\t{{.Names}}\\n ").templateText()).isEqualTo("{{.ID}}\t{{.Names}}\n");
        assertThat(new OutputFormat("json").templateText()).isEqualTo("{{json .}}");
        assertThat(new OutputFormat("{{json .}}").isJson()).isFalse();
        assertThat(new OutputFormat("table {{.ID}}").isTable()).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
