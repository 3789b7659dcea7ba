package dev.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workload scripts/build-aot.sh runs once with {@code -XX:AOTCacheOutput} to build the
 * CLI's JDK 25 AOT cache: the classes a CLI start loads and links (picocli, Jackson, the HTTP
 * client, the formatters) are then read from the cache instead of being parsed and verified
 * on every start.
 *
 * <p>It needs no daemon: it answers the Engine API itself from a throw-away socket with a few
 * canned answers, and runs the commonest command lines in this one JVM ({@code ps},
 * {@code images}, {@code version}, {@code inspect} of a missing name, help, a parse error, a
 * socket nobody listens on, and {@code run}: create, attach, wait, start, output, exit code).
 * Nothing is printed. Not part of the CLI's behaviour.
 */
public final class AotTraining {

    private static final String CONTAINER = """
            [{"Id":"4f66ad9a0b2e1c3d5f7a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e","Names":["/web"],
              "Image":"busybox","ImageID":"sha256:b0","Command":"sh -c 'sleep 1000'","Created":1700000000,
              "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],"Labels":{"a":"1"},
              "State":"running","Status":"Up 3 hours","HostConfig":{"NetworkMode":"default"},
              "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2"}}},"Mounts":[]}]""";
    private static final String IMAGE = """
            [{"Id":"sha256:b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1","ParentId":"",
              "RepoTags":["busybox:latest"],"RepoDigests":[],"Created":1700000000,"Size":4261550,
              "SharedSize":-1,"Labels":null,"Containers":-1}]""";
    private static final String VERSION = """
            {"Platform":{"Name":"berth"},"Components":[{"Name":"Engine","Version":"0.1.0","Details":
             {"ApiVersion":"1.50","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}}],"Version":"0.1.0",
             "ApiVersion":"1.50","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64","Experimental":false}""";
    private static final String INFO = """
            {"ID":"x","Containers":1,"ContainersRunning":1,"ContainersPaused":0,"ContainersStopped":0,"Images":1,
             "Driver":"overlayfs","DriverStatus":[["a","b"]],"Plugins":{"Volume":["local"],"Network":["host"],"Log":["json-file"]},
             "Runtimes":{"crun":{"path":"crun"}},"SecurityOptions":["name=seccomp,profile=builtin"],
             "RegistryConfig":{"InsecureRegistryCIDRs":["127.0.0.0/8"]},"MemTotal":1000000000,"Warnings":[]}""";

    private static final String CREATED =
            "{\"Id\":\"1f64e97e0be57c972bb581fc496c47b26796813435153b9b5a1d9203f5e73ea0\",\"Warnings\":[]}";

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("berth-aot");
        Path socket = dir.resolve("api.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofPlatform().daemon().start(() -> serve(server));
            String host = "unix://" + socket;
            List<List<String>> lines = List.of(
                    List.of("-H", host, "ps"), List.of("-H", host, "ps", "-a", "--format", "json"),
                    List.of("-H", host, "ps", "-q"), List.of("-H", host, "images"), List.of("-H", host, "version"),
                    List.of("-H", host, "info"), List.of("-H", host, "inspect", "ghost"),
                    List.of("-H", host, "container", "inspect", "--format", "{{.Id}}", "ghost"),
                    List.of("-H", host, "rm", "ghost"), List.of("--help"), List.of("run", "--help"),
                    List.of("ps", "--bogus"), List.of("-H", "unix://" + dir.resolve("none.sock"), "ps"),
                    // the run path: create, attach (hijacked), wait, start, demultiplex, exit code
                    List.of("-H", host, "run", "--rm", "busybox", "sh", "-c", "echo hi; echo oops >&2; exit 3"),
                    List.of("-H", host, "run", "busybox", "true"),
                    List.of("-H", host, "run", "-d", "--name", "web", "-e", "A=1", "-p", "8080:80", "busybox"),
                    List.of("-H", host, "create", "--name", "web", "busybox", "true"),
                    List.of("-H", host, "run", "--rm", "--name", "ghost", "busybox"), List.of("-H", host, "start", "web"),
                    List.of("-H", host, "rm", "-f", "web"));
            for (List<String> line : lines) {
                run(line);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        // as Main does: System.exit initialises the JDK's logging of Runtime.exit, worth caching too
        System.exit(0);
    }

    private static void run(List<String> line) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        CliContext ctx = new CliContext(discard, discard, new ByteArrayInputStream(new byte[0]), Map.of(),
                TransportBinding::open, false, false);
        Main.run(line.toArray(String[]::new), ctx);
    }

    private static void serve(ServerSocketChannel server) {
        while (server.isOpen()) {
            try (SocketChannel channel = server.accept()) {
                InputStream in = Channels.newInputStream(channel);
                StringBuilder head = new StringBuilder();
                while (head.length() < 8192 && !head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                String[] requestLine = head.toString().split(" ", 3);
                String target = requestLine.length > 1 ? requestLine[1] : "/";
                java.util.regex.Matcher length = java.util.regex.Pattern
                        .compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
                if (length.find()) {
                    in.readNBytes(Integer.parseInt(length.group(1)));
                }
                OutputStream out = Channels.newOutputStream(channel);
                out.write(answer(requestLine[0], target).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String json(int status, String reason, String body) {
        return "HTTP/1.1 " + status + " " + reason + "\r\nApi-Version: 1.50\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** One multiplexed frame (ASCII payloads only: the answer is written as a string). */
    private static String frame(int stream, String payload) {
        int n = payload.length();
        return new String(new char[] {(char) stream, 0, 0, 0, (char) (n >>> 24), (char) ((n >>> 16) & 0xff),
            (char) ((n >>> 8) & 0xff), (char) (n & 0xff)}) + payload;
    }

    private static String answer(String method, String target) {
        String path = target.replaceFirst("^/v[0-9.]+", "").replaceFirst("\\?.*", "");
        if (path.endsWith("/attach")) {
            // the connection is answered whole and closed: the CLI reads the frames, then EOF
            return "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n" + frame(1, "hi\n") + frame(2, "oops\n");
        }
        if (path.equals("/containers/create") && !target.contains("ghost")) {
            return json(201, "Created", CREATED);
        }
        if (path.endsWith("/wait")) {
            return json(200, "OK", "{\"StatusCode\":3,\"Error\":null}");
        }
        if (path.endsWith("/start") || (method.equals("DELETE") && !path.contains("ghost"))) {
            return "HTTP/1.1 204 No Content\r\nApi-Version: 1.50\r\n\r\n";
        }
        String body = switch (path) {
            case "/_ping" -> "OK";
            case "/containers/json" -> CONTAINER;
            case "/images/json" -> IMAGE;
            case "/version" -> VERSION;
            case "/info" -> INFO;
            default -> null;
        };
        if (body == null) {
            body = "{\"message\":\"No such container: ghost\"}";
            return "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body;
        }
        String type = path.equals("/_ping") ? "text/plain" : "application/json";
        return "HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + (method.equals("HEAD") ? "" : body);
    }
}
