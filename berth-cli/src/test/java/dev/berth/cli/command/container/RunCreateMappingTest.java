package dev.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.Json;
import dev.berth.cli.CliContext;
import dev.berth.api.client.FakeTransport;
import dev.berth.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What run and create send to POST /containers/create for a command line. */
class RunCreateMappingTest {

    private final FakeTransport daemon = new FakeTransport()
            .on("POST", "/containers/create", 201, "application/json", "{\"Id\":\"c0ffee\",\"Warnings\":[]}")
            .on("POST", "/start$", 204, null, "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private JsonNode create(Map<String, String> env, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        CliContext ctx = new CliContext(new PrintStream(out, true), new PrintStream(err, true),
                new ByteArrayInputStream(new byte[0]), env, host -> daemon, false, false);
        int status = Main.run(all.toArray(String[]::new), ctx);
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return Json.MAPPER.readTree(daemon.last("POST", "/containers/create").body());
    }

    private JsonNode create(String... args) throws IOException {
        return create(Map.of(), args);
    }

    @Test
    void create_printsTheFullId() throws IOException {
        create("create", "busybox");
        assertThat(out.toString()).isEqualTo("c0ffee\n");
    }

    @Test
    void commandAfterImage_keepsItsOwnFlags() throws IOException {
        JsonNode body = create("run", "-d", "busybox", "ls", "-l", "--name", "x");
        assertThat(body.get("Image").asText()).isEqualTo("busybox");
        assertThat(strings(body.get("Cmd"))).containsExactly("ls", "-l", "--name", "x");
        assertThat(daemon.last("POST", "/containers/create").target()).endsWith("/containers/create");
    }

    @Test
    void env_flagsAndNamesFromTheClientEnvironment() throws IOException {
        JsonNode body = create(Map.of("HOME_DIR", "/home/me"),
                "create", "-e", "A=1", "--env=B=x=y", "-e", "HOME_DIR", "-e", "UNSET_HERE", "busybox");
        assertThat(strings(body.get("Env"))).containsExactly("A=1", "B=x=y", "HOME_DIR=/home/me");
    }

    @Test
    void envFile_comesBeforeFlags(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("env");
        Files.writeString(file, "# comment\n\nFROM_FILE=1\n  SPACED=2\nPASSED\n");
        JsonNode body = create(Map.of("PASSED", "yes"), "create", "--env-file", file.toString(), "-e", "LAST=3", "busybox");
        assertThat(strings(body.get("Env"))).containsExactly("FROM_FILE=1", "SPACED=2", "PASSED=yes", "LAST=3");
    }

    @Test
    void labels_entrypoint_user_workdir_hostname_stop() throws IOException {
        JsonNode body = create("create", "-l", "a=1", "--label", "flag", "--entrypoint", "/bin/sh",
                "-u", "1000:1000", "-w", "/srv", "-h", "box", "--stop-signal", "SIGINT", "--stop-timeout", "3",
                "--name", "web", "busybox", "-c", "echo hi");
        assertThat(body.get("Labels")).isEqualTo(Json.MAPPER.readTree("{\"a\":\"1\",\"flag\":\"\"}"));
        assertThat(strings(body.get("Entrypoint"))).containsExactly("/bin/sh");
        assertThat(strings(body.get("Cmd"))).containsExactly("-c", "echo hi");
        assertThat(body.get("User").asText()).isEqualTo("1000:1000");
        assertThat(body.get("WorkingDir").asText()).isEqualTo("/srv");
        assertThat(body.get("Hostname").asText()).isEqualTo("box");
        assertThat(body.get("StopSignal").asText()).isEqualTo("SIGINT");
        assertThat(body.get("StopTimeout").asInt()).isEqualTo(3);
        assertThat(daemon.last("POST", "/containers/create").target()).endsWith("/containers/create?name=web");
    }

    @Test
    void emptyEntrypoint_clearsTheImages() throws IOException {
        JsonNode body = create("create", "--entrypoint", "", "busybox");
        assertThat(strings(body.get("Entrypoint"))).containsExactly("");
    }

    @Test
    void combinedShortFlags_dit() throws IOException {
        JsonNode body = create("run", "-dit", "busybox", "sh");
        assertThat(body.get("Tty").asBoolean()).isTrue();
        assertThat(body.get("OpenStdin").asBoolean()).isTrue();
        // detached: nothing is attached and stdin is not closed after the first client
        assertThat(body.get("AttachStdin").asBoolean()).isFalse();
        assertThat(body.get("AttachStdout").asBoolean()).isFalse();
        assertThat(body.get("StdinOnce").asBoolean()).isFalse();
        assertThat(out.toString()).isEqualTo("c0ffee\n");
    }

    @Test
    void createWithInteractive_opensStdinOnce() throws IOException {
        JsonNode body = create("create", "-it", "busybox");
        assertThat(body.get("AttachStdin").asBoolean()).isTrue();
        assertThat(body.get("AttachStdout").asBoolean()).isTrue();
        assertThat(body.get("StdinOnce").asBoolean()).isTrue();
        assertThat(body.get("Tty").asBoolean()).isTrue();
    }

    @Test
    void tty_sendsTheLocalTerminalSizeAsConsoleSize_asDockerDoes() {
        ContainerCreateCommand tty = new ContainerCreateCommand();
        tty.image = "busybox";
        tty.tty = true;
        tty.restart = "no";
        Map<String, Object> body = CreateRequestMapper.map(tty, k -> null, true, List.of(30, 100)).body();
        assertThat(((Map<?, ?>) body.get("HostConfig")).get("ConsoleSize")).isEqualTo(List.of(30, 100));
        Map<String, Object> noTerminal = CreateRequestMapper.map(tty, k -> null, true, null).body();
        assertThat(((Map<?, ?>) noTerminal.get("HostConfig")).containsKey("ConsoleSize")).isFalse();
    }

    @Test
    void hostConfig_flags() throws IOException {
        JsonNode body = create("create", "--rm", "--read-only", "--privileged", "--cap-add", "NET_ADMIN",
                "--cap-drop", "ALL", "--network", "none", "--restart", "on-failure:3", "--init",
                "-p", "8080:80", "-p", "127.0.0.1::53/udp", "-v", "/data:/data:ro", "busybox");
        JsonNode host = body.get("HostConfig");
        assertThat(host.get("AutoRemove").asBoolean()).isTrue();
        assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
        assertThat(host.get("Privileged").asBoolean()).isTrue();
        assertThat(host.get("Init").asBoolean()).isTrue();
        assertThat(strings(host.get("CapAdd"))).containsExactly("NET_ADMIN");
        assertThat(strings(host.get("CapDrop"))).containsExactly("ALL");
        assertThat(host.get("NetworkMode").asText()).isEqualTo("none");
        assertThat(host.get("RestartPolicy")).isEqualTo(Json.MAPPER.readTree("{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}"));
        assertThat(strings(host.get("Binds"))).containsExactly("/data:/data:ro");
        assertThat(host.get("PortBindings")).isEqualTo(Json.MAPPER.readTree(
                "{\"53/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}],\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}"));
        assertThat(body.get("ExposedPorts")).isEqualTo(Json.MAPPER.readTree("{\"53/udp\":{},\"80/tcp\":{}}"));
    }

    @Test
    void deviceSysctlGroupAndShmFlags() throws IOException {
        JsonNode host = create("create", "--device", "/dev/zero:/dev/mydev", "--device", "/dev/null:r",
                "--device", "/dev/fuse:/dev/f:rw", "--device-cgroup-rule", "c 42:* rmw", "--sysctl", "net.ipv4.ip_forward=1",
                "--sysctl", "kernel.shmmax=1=2", "--group-add", "audio", "--group-add", "1234", "--shm-size", "128m",
                "--pid", "host", "--ipc", "shareable", "--uts", "host", "busybox").get("HostConfig");
        assertThat(host.get("PidMode").asText() + host.get("IpcMode").asText() + host.get("UTSMode").asText())
                .isEqualTo("hostshareablehost");
        assertThat(host.get("Devices")).isEqualTo(Json.MAPPER.readTree("""
                [{"PathOnHost":"/dev/zero","PathInContainer":"/dev/mydev","CgroupPermissions":"rwm"},
                 {"PathOnHost":"/dev/null","PathInContainer":"/dev/null","CgroupPermissions":"r"},
                 {"PathOnHost":"/dev/fuse","PathInContainer":"/dev/f","CgroupPermissions":"rw"}]"""));
        assertThat(strings(host.get("DeviceCgroupRules"))).containsExactly("c 42:* rmw");
        assertThat(host.get("Sysctls")).isEqualTo(Json.MAPPER.readTree(
                "{\"net.ipv4.ip_forward\":\"1\",\"kernel.shmmax\":\"1=2\"}"));
        assertThat(strings(host.get("GroupAdd"))).containsExactly("audio", "1234");
        assertThat(host.get("ShmSize").asLong()).isEqualTo(128L << 20);
    }

    @Test
    void defaults_areDockers() throws IOException {
        JsonNode body = create("create", "busybox");
        assertThat(body.has("Cmd")).isFalse();
        assertThat(body.has("Env")).isFalse();
        assertThat(body.get("HostConfig").get("RestartPolicy").get("Name").asText()).isEqualTo("no");
        assertThat(body.get("HostConfig").has("Init")).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
