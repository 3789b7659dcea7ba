package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.berth.api.client.BuildOptions;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.JsonMessageStream;
import dev.berth.api.client.UnixSocketTransport;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.testkit.CommandResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builder inputs beyond the context: remote contexts (Git, tar and Dockerfile URLs), ADD of URLs, --cache-from
 * images, --network, predefined args.
 */
class BuildSourcesIT extends DaemonFixture {

    @TempDir
    Path ctx;

    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", exchange -> {
            byte[] body = ("served " + exchange.getRequestURI().getPath() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("missing") ? 404 : 200,
                    body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CommandResult build(String dockerfile, String... flags) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        String[] args = new String[flags.length + 2];
        args[0] = "build";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[args.length - 1] = ctx.toString();
        return berth(args);
    }

    @Test
    void addUrl_downloadsTheFile_withDockersNameModeAndTime() throws Exception {
        build("FROM busybox\nADD " + base + "/files/data.tar /srv/\nADD " + base + "/files/a.txt /renamed.txt\n",
                "-t", "addurl").assertSuccess();
        assertThat(berth("run", "--rm", "addurl", "sh", "-c",
                "cat /srv/data.tar /renamed.txt; stat -c '%a %Y' /srv/data.tar").assertSuccess().stdout())
                .isEqualTo("served /files/data.tar\nserved /files/a.txt\n600 1445412480\n");
    }

    @Test
    void addUrl_errors_nameTheUrl() throws Exception {
        assertThat(build("FROM busybox\nADD " + base + "/files/missing /x\n").stderr())
                .contains(base + "/files/missing", "404");
        assertThat(build("FROM busybox\nADD --checksum=sha256:" + "0".repeat(64) + " " + base + "/files/a /x\n")
                .stderr()).contains("digest mismatch");
        assertThat(build("FROM busybox\nCOPY " + base + "/files/a /x\n").stderr())
                .contains("source can't be a URL for COPY");
    }

    @Test
    void predefinedArgs_platformAndProxy() throws Exception {
        build("""
                FROM busybox
                ARG TARGETARCH
                ARG TARGETPLATFORM
                RUN echo "$TARGETPLATFORM $TARGETARCH $HTTP_PROXY" > /args
                """, "-t", "predef", "--build-arg", "HTTP_PROXY=http://proxy.invalid:3128").assertSuccess();
        String arch = berth("run", "--rm", "busybox", "uname", "-m").assertSuccess().stdout().strip()
                .replace("x86_64", "amd64").replace("aarch64", "arm64");
        assertThat(berth("run", "--rm", "predef", "cat", "/args").assertSuccess().stdout())
                .isEqualTo("linux/" + arch + " " + arch + " http://proxy.invalid:3128\n");
        // a proxy is the build's environment, not the image's history
        assertThat(berth("history", "--no-trunc", "predef").assertSuccess().stdout()).doesNotContain("proxy.invalid");
    }

    @Test
    void networkNone_leavesRunStepsWithLoopbackOnly() throws Exception {
        build("FROM busybox\nRUN ls /sys/class/net > /nets\n", "-t", "nonet", "--network", "none").assertSuccess();
        assertThat(berth("run", "--rm", "nonet", "cat", "/nets").assertSuccess().stdout()).isEqualTo("lo\n");
    }

    @Test
    void cacheFrom_reusesTheStepsOfALoadedImage_withoutRunningThem() throws Exception {
        Files.writeString(ctx.resolve("app.txt"), "app\n");
        String dockerfile = "FROM busybox\nCOPY app.txt /app.txt\nRUN echo ran > /ran\nENV MODE=cached\n";
        build(dockerfile, "-t", "cachesrc:1").assertSuccess();
        String id = berth("image", "inspect", "-f", "{{.Id}}", "cachesrc:1").assertSuccess().stdout().strip();
        // as after a pull: the image without its intermediate steps, and no local cache for it
        Path saved = ctx.getParent().resolve("cachesrc-" + System.nanoTime() + ".tar");
        try {
            berth("save", "-o", saved.toString(), "cachesrc:1").assertSuccess();
            berth("rmi", "cachesrc:1").assertSuccess();
            berth("load", "-i", saved.toString()).assertSuccess();
        } finally {
            Files.deleteIfExists(saved);
        }

        CommandResult cached = build(dockerfile, "-t", "cachesrc:2", "--cache-from", "cachesrc:1").assertSuccess();
        assertThat(cached.stdout()).doesNotContain("Running in").contains("Using cache");
        assertThat(berth("image", "inspect", "-f", "{{.Id}}", "cachesrc:2").assertSuccess().stdout().strip())
                .isEqualTo(id);

        Files.writeString(ctx.resolve("app.txt"), "changed\n");
        CommandResult changed = build(dockerfile, "-t", "cachesrc:3", "--cache-from", "cachesrc:1").assertSuccess();
        assertThat(changed.stdout()).contains("Running in");
    }

    @Test
    void contexts_stdinDockerfile_tarFile_url_andDashF() throws Exception {
        Files.writeString(ctx.resolve("in-ctx.txt"), "ctx\n");
        byte[] dockerfile = "FROM busybox\nCOPY . /ctx/\nRUN ls -A /ctx > /list\n".getBytes(StandardCharsets.UTF_8);
        // -f -: the Dockerfile from stdin, the directory as the context (and no trace of the Dockerfile in it)
        daemon.berthWithInput(dockerfile, "build", "-t", "ctx:stdin-f", "-f", "-", ctx.toString()).assertSuccess();
        assertThat(berth("run", "--rm", "ctx:stdin-f", "cat", "/list").assertSuccess().out()).isEqualTo("in-ctx.txt");
        // a tar file as the context, with -f naming the Dockerfile inside it
        Path tar = ctx.getParent().resolve("ctx-" + System.nanoTime() + ".tar");
        Files.writeString(ctx.resolve("Build.file"), "FROM busybox\nCOPY in-ctx.txt /from-tar\n");
        try {
            assertThat(new ProcessBuilder("tar", "-C", ctx.toString(), "-cf", tar.toString(), ".").start().waitFor())
                    .isZero();
            berth("build", "-t", "ctx:tarfile", "-f", "Build.file", tar.toString()).assertSuccess();
            daemon.berthWithInput(Files.readAllBytes(tar), "build", "-t", "ctx:stdin-tar", "-f", "Build.file", "-")
                    .assertSuccess();
        } finally {
            Files.deleteIfExists(tar);
        }
        assertThat(berth("run", "--rm", "ctx:tarfile", "cat", "/from-tar").assertSuccess().out()).isEqualTo("ctx");
        assertThat(berth("run", "--rm", "ctx:stdin-tar", "cat", "/from-tar").assertSuccess().out()).isEqualTo("ctx");
        // a URL serving a Dockerfile
        server.createContext("/Dockerfile", exchange -> {
            byte[] body = "FROM busybox\nRUN echo from-url > /u\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        berth("build", "-t", "ctx:url", base + "/Dockerfile").assertSuccess();
        assertThat(berth("run", "--rm", "ctx:url", "cat", "/u").assertSuccess().out()).isEqualTo("from-url");
        assertThat(daemon.berthWithInput(dockerfile, "build", "-f", "-", "-").stderr())
                .contains("can't use stdin for both build context and dockerfile");
    }

    @Test
    void gitContext_refAndSubdirectory_withBothClis(@TempDir Path repos) throws Exception {
        try (GitServer git = GitServer.start(repos)) {
            git.create("app.git").write("Dockerfile", "FROM busybox\nRUN false\n").commitAll("master")
                    .git("checkout", "-q", "-b", "dev")
                    .write("web/Dockerfile", "FROM busybox\nCOPY . /ctx/\nRUN ls -A /ctx > /list\n")
                    .write("web/Alt.dockerfile", "FROM busybox\nCOPY hello.txt /alt.txt\n")
                    .write("web/hello.txt", "hello from dev\n").commitAll("dev")
                    .git("checkout", "-q", "master");
            String url = git.url("app.git") + "#dev:web";
            // berth passes the URL as remote= and berthd clones it; docker's CLI clones it itself
            berth("build", "-t", "git:berth", url).assertSuccess();
            daemon.dockerWithEnv(java.util.Map.of("DOCKER_BUILDKIT", "0"), "build", "-t", "git:docker", url)
                    .assertSuccess();
            for (String image : new String[] {"git:berth", "git:docker"}) {
                assertThat(berth("run", "--rm", image, "cat", "/list").assertSuccess().out())
                        .isEqualTo("Dockerfile\nAlt.dockerfile\nhello.txt".lines().sorted()
                                .collect(java.util.stream.Collectors.joining("\n")));
            }
            // -f is relative to the subdirectory
            berth("build", "-t", "git:alt", "-f", "Alt.dockerfile", url).assertSuccess();
            assertThat(berth("run", "--rm", "git:alt", "cat", "/alt.txt").assertSuccess().out())
                    .isEqualTo("hello from dev");

            CommandResult badRef = berth("build", git.url("app.git") + "#nosuch");
            assertThat(badRef.exitCode()).isNotZero();
            assertThat(badRef.stderr()).contains("Error response from daemon: error fetching", "nosuch");
            assertThat(berth("build", url.replace(":web", ":nodir")).stderr())
                    .contains("error setting git context", "nodir");
        }
    }

    @Test
    void remoteUrl_tarballsByContent_andAPlainDockerfile_fetchedByTheDaemon() throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM busybox\nCOPY data.txt /data.txt\n");
        Files.writeString(ctx.resolve("data.txt"), "from the tarball\n");
        Path archives = Files.createTempDirectory(ctx.getParent(), "archives-");
        try {
            for (String[] format : new String[][] {{"tgz", "-z"}, {"txz", "-J"}, {"tbz", "-j"}}) {
                Path archive = archives.resolve("context." + format[0]);
                assertThat(new ProcessBuilder("tar", "-C", ctx.toString(), format[1], "-cf", archive.toString(), ".")
                        .start().waitFor()).isZero();
                serve("/" + format[0], Files.readAllBytes(archive));
            }
        } finally {
            try (var files = Files.list(archives)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(archives);
        }
        serve("/remote/Dockerfile", "FROM busybox\nCOPY . /ctx/\nRUN ls -A /ctx | wc -l > /count\n"
                .getBytes(StandardCharsets.UTF_8));
        try (EngineClient client = new EngineClient(new UnixSocketTransport(daemon.socket(), daemon.host(), "it"))) {
            for (String format : new String[] {"tgz", "txz", "tbz"}) {
                remoteBuild(client, base + "/" + format, "remote:" + format);
                assertThat(berth("run", "--rm", "remote:" + format, "cat", "/data.txt").assertSuccess().out())
                        .isEqualTo("from the tarball");
            }
            // a Dockerfile alone: its context is empty
            remoteBuild(client, base + "/remote/Dockerfile", "remote:text");
            assertThat(berth("run", "--rm", "remote:text", "cat", "/count").assertSuccess().out()).isEqualTo("0");
            var missing = org.assertj.core.api.Assertions.catchThrowable(
                    () -> remoteBuild(client, base + "/files/missing", "remote:missing"));
            assertThat(missing).isInstanceOf(dev.berth.api.client.ApiException.class)
                    .hasMessageContaining("error downloading remote context " + base + "/files/missing")
                    .hasMessageContaining("404");
        }
    }

    private void serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** {@code POST /build?remote=URL}; returns the image ID, failing on an in-band error. */
    private static String remoteBuild(EngineClient client, String url, String tag) throws Exception {
        try (JsonMessageStream messages = client.images().buildRemote(url,
                new BuildOptions(java.util.List.of(tag), null, null, null, null, false, false))) {
            String id = null;
            JsonMessage m;
            while ((m = messages.next()) != null) {
                assertThat(m.errorDetail()).as("build error").isNull();
                if (m.aux() != null && m.aux().has("ID")) {
                    id = m.aux().get("ID").asText();
                }
            }
            assertThat(id).isNotNull();
            return id;
        }
    }

    @Test
    void imagePrune_andBuilderPrune_printWhatWent() throws Exception {
        build("FROM busybox\nLABEL prune.me=yes\n", "-t", "prunable:1").assertSuccess();
        String id = berth("image", "inspect", "-f", "{{.Id}}", "prunable:1").assertSuccess().out().strip();
        build("FROM busybox\nLABEL prune.me=again\n", "-t", "prunable:1").assertSuccess();
        // the first image is dangling now; with a label filter that does not match, it stays
        assertThat(berth("image", "prune", "-f", "--filter", "label=nope").assertSuccess().out())
                .isEqualTo("Total reclaimed space: 0B");
        assertThat(berth("image", "prune", "-f", "--filter", "until=1h").assertSuccess().out())
                .isEqualTo("Total reclaimed space: 0B");
        String pruned = berth("image", "prune", "-f").assertSuccess().out();
        assertThat(pruned).startsWith("Deleted Images:\ndeleted: " + id).contains("Total reclaimed space: ");
        assertThat(berth("image", "inspect", id).exitCode()).isNotZero();

        String cache = berth("builder", "prune", "-f").assertSuccess().out();
        assertThat(cache).startsWith("Deleted build cache objects:\n").endsWith("Total reclaimed space: 0B");
        assertThat(build("FROM busybox\nLABEL prune.me=again\n").assertSuccess().stdout())
                .doesNotContain("Using cache");
    }
}
