package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.FileObjectRef;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceVolume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several -f files merged by the spec's rules, and extends. */
class MergeAndExtendsTest {
    @TempDir
    Path temp;
    LoaderFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(temp);
    }

    @Test
    void twoFiles_mergeByTheSpecsRules() {
        fx.write("compose.yaml", """
                services:
                  web:
                    image: app:1
                    command: ["serve", "--port", "80"]
                    entrypoint: /bin/a
                    environment: {A: "1", B: "1"}
                    labels: [x=1]
                    ports: ["8080:80", "9090:90"]
                    expose: ["1", "2"]
                    dns: [1.1.1.1]
                    volumes: ["./a:/data", "cache:/cache"]
                    secrets: [s1]
                    healthcheck: {test: ["CMD", "a"], retries: 3}
                    logging: {driver: json-file, options: {max-size: 1m}}
                volumes:
                  cache: {}
                secrets:
                  s1: {file: ./s1}
                  s2: {file: ./s2}
                """);
        fx.write("compose.prod.yaml", """
                services:
                  web:
                    image: app:2
                    command: serve --prod
                    environment: [B=2, C=2]
                    labels: {y: "2"}
                    ports: ["8080:80", "443:443"]
                    expose: ["2", "3"]
                    dns: 1.1.1.1
                    volumes: ["./b:/data:ro"]
                    secrets: [{source: s2, target: s1}]
                    healthcheck: {test: ["CMD", "b"]}
                    logging: {driver: syslog}
                  extra:
                    image: busybox
                """);
        Project p = fx.load("compose.yaml", "compose.prod.yaml");
        Service web = p.service("web");
        assertThat(web.image()).isEqualTo("app:2");
        assertThat(web.command()).containsExactly("serve", "--prod");
        assertThat(web.entrypoint()).containsExactly("/bin/a");
        assertThat(web.environment()).isEqualTo(Map.of("A", "1", "B", "2", "C", "2"));
        assertThat(web.labels()).isEqualTo(Map.of("x", "1", "y", "2"));
        assertThat(web.ports()).extracting(PortMapping::published).containsExactly("8080", "9090", "443");
        assertThat(web.expose()).containsExactly("1", "2", "3");
        assertThat(web.dns()).containsExactly("1.1.1.1");
        assertThat(web.volumes()).extracting(ServiceVolume::target, ServiceVolume::source, ServiceVolume::readOnly)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/data", fx.path("b"), true),
                        org.assertj.core.groups.Tuple.tuple("/cache", "cache", false));
        assertThat(web.secrets()).containsExactly(new FileObjectRef("s2", "/run/secrets/s1", null, null, null));
        assertThat(web.healthcheck().test()).containsExactly("CMD", "b");
        assertThat(web.healthcheck().retries()).isEqualTo(3);
        assertThat(web.logging().driver()).isEqualTo("syslog");
        assertThat(web.logging().options()).isEmpty();
        assertThat(p.services()).containsOnlyKeys("web", "extra");
        assertThat(p.configFiles()).containsExactly(fx.dir.resolve("compose.yaml"), fx.dir.resolve("compose.prod.yaml"));
    }

    @Test
    void overrideFile_inASubdirectory_resolvesPathsAgainstTheProjectDirectory() {
        fx.write("compose.yaml", "services:\n  web: {image: a}\n");
        fx.write("over/compose.override.yaml", "services:\n  web:\n    volumes: [./x:/x]\n");
        Service web = fx.load("compose.yaml", "over/compose.override.yaml").service("web");
        assertThat(web.volumes().getFirst().source()).isEqualTo(fx.path("x"));
    }

    @Test
    void discoveredOverrideFile_isMergedAutomatically() {
        fx.write("compose.yaml", "services:\n  web: {image: a}\n");
        fx.write("compose.override.yaml", "services:\n  web: {image: b}\n");
        Project p = fx.load();
        assertThat(p.service("web").image()).isEqualTo("b");
        assertThat(p.configFiles()).hasSize(2);
    }

    @Test
    void extends_sameFile_mergesBaseUnderService() {
        fx.write("compose.yaml", """
                services:
                  base:
                    image: busybox
                    environment: {A: "1", B: "1"}
                    command: sleep 1
                    ports: ["80"]
                  mid:
                    extends: base
                    environment: {B: "2"}
                  web:
                    extends: {service: mid}
                    command: sleep 2
                    ports: ["81"]
                """);
        Service web = fx.load().service("web");
        assertThat(web.image()).isEqualTo("busybox");
        assertThat(web.environment()).isEqualTo(Map.of("A", "1", "B", "2"));
        assertThat(web.command()).containsExactly("sleep", "2");
        assertThat(web.ports()).extracting(PortMapping::target).containsExactly(80, 81);
    }

    @Test
    void extends_otherFile_resolvesItsPathsAgainstItsDirectory() {
        fx.write("common/services.yaml", """
                services:
                  app:
                    image: app
                    build: ./src
                    env_file: ./app.env
                """);
        fx.write("common/app.env", "FROM_COMMON=1\n");
        fx.write("compose.yaml", """
                services:
                  web:
                    extends:
                      file: common/services.yaml
                      service: app
                    volumes: [./data:/data]
                """);
        Service web = fx.load().service("web");
        assertThat(web.build().context()).isEqualTo(fx.path("common/src"));
        assertThat(web.environment()).isEqualTo(Map.of("FROM_COMMON", "1"));
        assertThat(web.volumes().getFirst().source()).isEqualTo(fx.path("data"));
    }

    @Test
    void extends_cycle_isAnError() {
        fx.write("compose.yaml", """
                services:
                  a: {image: x, extends: b}
                  b: {image: x, extends: a}
                """);
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("compose.yaml") + ": services.a.extends: extends cycle: a -> b -> a");
    }

    @Test
    void extends_unknownService_isAnError() {
        fx.write("compose.yaml", "services:\n  a: {image: x, extends: nope}\n");
        assertThatThrownBy(fx::load).hasMessage(fx.path("compose.yaml") + ": services.a.extends: service \"nope\" is not defined");
    }

    @Test
    void mergedList_keepsServiceOrderOfFirstFile() {
        fx.write("a.yaml", "services:\n  z: {image: z}\n  a: {image: a}\n");
        fx.write("b.yaml", "services:\n  m: {image: m}\n  z: {image: z2}\n");
        Project p = fx.load("a.yaml", "b.yaml");
        assertThat(p.services().keySet()).containsExactly("z", "a", "m");
        assertThat(p.service("z").image()).isEqualTo("z2");
        assertThat(List.copyOf(p.services().values())).extracting(Service::image).containsExactly("z2", "a", "m");
    }
}
