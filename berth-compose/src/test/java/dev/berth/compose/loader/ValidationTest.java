package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invalid file is rejected with the key path and the problem, before anything is created. */
class ValidationTest {
    @TempDir
    Path temp;

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("services:\n  web: {image: a, imag: b}\n", "services.web.imag: unknown key \"imag\" in services.web"),
                Arguments.of("servics: {}\n", "servics: unknown key \"servics\""),
                Arguments.of("services:\n  web: {image: a, ports: [\"80\", \"eighty\"]}\n",
                        "services.web.ports[1]: invalid port \"eighty\": \"eighty\" is not a port number (1-65535)"),
                Arguments.of("services:\n  web: {image: a, ports: [{published: 80}]}\n", "services.web.ports[0].target: is required"),
                Arguments.of("services:\n  web: {image: a, ports: \"80:80\"}\n", "services.web.ports: must be a list, not the string \"80:80\""),
                Arguments.of("services:\n  web: {image: [a]}\n", "services.web.image: must be a string, not a list"),
                Arguments.of("services:\n  web: {image: a, tty: maybe}\n", "services.web.tty: must be a boolean, not \"maybe\""),
                Arguments.of("services:\n  web: {image: a, scale: many}\n", "services.web.scale: must be an integer, not \"many\""),
                Arguments.of("services:\n  web: {image: a, stop_grace_period: 10}\n",
                        "services.web.stop_grace_period: must be a duration such as 10s, 1m30s or 500ms, not the number 10"),
                Arguments.of("services:\n  web: {image: a, healthcheck: {interval: 10}}\n", "services.web.healthcheck.interval: must be a duration"),
                Arguments.of("services:\n  web: {image: a, healthcheck: {interval: 5 s}}\n", "services.web.healthcheck.interval: invalid duration \"5 s\""),
                Arguments.of("services:\n  web: {image: a, shm_size: lots}\n", "services.web.shm_size: invalid size \"lots\""),
                Arguments.of("services:\n  web: {image: a, volumes: [\"data:relative\"]}\n",
                        "services.web.volumes[0]: invalid volume \"data:relative\": the container path must be absolute"),
                Arguments.of("services:\n  web: {image: a, volumes: [{type: nfs, target: /x}]}\n",
                        "services.web.volumes[0].type: must be one of bind, volume, tmpfs, npipe, cluster, image, not \"nfs\""),
                Arguments.of("services:\n  web: {image: a, volumes: [{source: x}]}\n", "services.web.volumes[0].type: is required"),
                Arguments.of("services:\n  web: {image: a, volumes: [\"data:/data\"]}\n",
                        "services.web.volumes[0]: volume \"data\" is not defined in the top-level volumes"),
                Arguments.of("services:\n  web: {image: a, networks: [back]}\n", "services.web.networks.back: network \"back\" is not defined"),
                Arguments.of("services:\n  web: {image: a, secrets: [s]}\n", "services.web.secrets[0]: secret \"s\" is not defined in the top-level secrets"),
                Arguments.of("services:\n  web: {image: a, configs: [c]}\n", "services.web.configs[0]: config \"c\" is not defined in the top-level configs"),
                Arguments.of("services:\n  web: {image: a, depends_on: [db]}\n", "services.web.depends_on.db: service \"db\" is not defined"),
                Arguments.of("services:\n  web: {image: a, depends_on: {db: {condition: service_ready}}}\n  db: {image: b}\n",
                        "services.web.depends_on.db.condition: must be one of service_started, service_healthy, service_completed_successfully"),
                Arguments.of("services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n",
                        "services.a.depends_on: dependency cycle: a -> b -> c -> a"),
                Arguments.of("services:\n  a: {image: x, depends_on: [a]}\n", "services.a.depends_on: dependency cycle: a -> a"),
                Arguments.of("services:\n  web: {command: x}\n", "services.web: service \"web\" has neither an image nor a build context specified"),
                Arguments.of("services:\n  web: {image: a, environment: [A=1, A=1]}\n", "services.web.environment[1]: duplicate entry \"A=1\""),
                Arguments.of("services:\n  web: {image: a, environment: {A: [1]}}\n", "services.web.environment.A: must be a string, number or boolean, not a list"),
                Arguments.of("services:\n  web: {image: a, command: 'echo \"x'}\n", "services.web.command: unterminated quote"),
                Arguments.of("services:\n  web: {image: a, network_mode: host, networks: [x]}\nnetworks: {x: {}}\n",
                        "services.web.network_mode: network_mode and networks cannot be combined"),
                Arguments.of("services:\n  web: {image: a, network_mode: \"service:nope\"}\n",
                        "services.web.network_mode: service \"nope\" is not defined"),
                Arguments.of("services:\n  web: {image: a, pid: \"service:nope\"}\n",
                        "services.web.pid: service \"nope\" is not defined"),
                Arguments.of("services:\n  web: {image: a, ipc: \"service:nope\"}\n",
                        "services.web.ipc: service \"nope\" is not defined"),
                Arguments.of("services:\n  web: {image: a, container_name: w, scale: 2}\n",
                        "services.web.container_name: a service with a container_name cannot have more than one replica"),
                Arguments.of("services:\n  web: {image: a, ulimits: {nofile: {}}}\n", "services.web.ulimits.nofile: needs soft and hard limits"),
                Arguments.of("services:\n  web: {image: a, env_file: missing.env}\n", "services.web.env_file[0]: env file"),
                Arguments.of("networks:\n  n: {ipam: {config: [{subnet: 10.0.0.0/8, gw: 10.0.0.1}]}}\n",
                        "networks.n.ipam.config[0].gw: unknown key \"gw\""),
                Arguments.of("secrets:\n  s: {content: x}\n", "secrets.s.content: unknown key \"content\" in secrets.s"),
                Arguments.of("secrets:\n  s: {labels: [a=b]}\n", "secrets.s: needs exactly one of file, environment or external"),
                Arguments.of("configs:\n  c: {file: ./a, content: x}\n", "configs.c: needs exactly one of file, environment, content or external"),
                Arguments.of("volumes:\n  v: {external: sometimes}\n", "volumes.v.external: must be a boolean, not \"sometimes\""),
                Arguments.of("services:\n  web: {image: \"${X:?X is needed}\"}\n", "services.web.image: required variable X is missing a value: X is needed"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void invalidFile_isRejectedWithFileAndKeyPath(String yaml, String message) {
        LoaderFixture fx = new LoaderFixture(temp);
        fx.write("compose.yaml", yaml);
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith(fx.path("compose.yaml") + ": ")
                .hasMessageContaining(message);
    }
}
