package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Berthd;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.LocalRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull and push against Debian's docker-registry on 127.0.0.1: round trip into a fresh data
 * root, only changed layers fetched, a corrupted blob refused, and the official docker CLI.
 */
class RegistryIT extends DaemonFixture {

    private LocalRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    void startRegistry() {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (./run-tests installs it)");
        registry = LocalRegistry.start();
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private String id(Berthd d, String image) {
        return d.docker("image", "inspect", "--format", "{{.Id}}", image).assertSuccess().out();
    }

    @Test
    void dockerCli_pushThenPullIntoAFreshDaemon_keepsTheImageId() {
        String name = registry.host() + "/busybox:1";
        docker("tag", "busybox", name).assertSuccess();
        CommandResult push = docker("push", name).assertSuccess();
        assertThat(push.stdout()).contains("The push refers to repository [" + registry.host() + "/busybox]")
                .containsPattern("1: digest: sha256:[0-9a-f]{64} size: \\d+");
        CommandResult again = docker("push", name).assertSuccess();
        assertThat(again.stdout()).contains("Layer already exists");
        assertThat(digestOf(again)).isEqualTo(digestOf(push)); // the same bytes the second time
        String until = Long.toString(java.time.Instant.now().getEpochSecond() + 1);
        // dockerd's push and pull events: the reference as the actor, the repository as the name
        assertThat(docker("events", "--since", "5m", "--until", until, "--filter", "image=" + name, "--filter", "event=push",
                "--format", "{{.Actor.ID}} {{index .Actor.Attributes \"name\"}}").assertSuccess().out().lines())
                .containsExactly(name + " " + registry.host() + "/busybox", name + " " + registry.host() + "/busybox");

        try (Berthd fresh = Berthd.start("runc")) {
            CommandResult pull = fresh.docker("pull", name).assertSuccess();
            assertThat(pull.stdout()).contains("1: Pulling from busybox")
                    .contains("Digest: " + digestOf(push))
                    .contains("Status: Downloaded newer image for " + name);
            assertThat(id(fresh, name)).isEqualTo(id(daemon, "busybox"));
            assertThat(fresh.docker("image", "inspect", "--format", "{{json .RepoDigests}}", name).out())
                    .isEqualTo("[\"" + registry.host() + "/busybox@" + digestOf(push) + "\"]");
            assertThat(fresh.docker("run", "--rm", name, "echo", "pulled").assertSuccess().out()).isEqualTo("pulled");
            assertThat(fresh.docker("events", "--since", "5m", "--until", Long.toString(java.time.Instant.now().getEpochSecond() + 1),
                    "--filter", "event=pull", "--format", "{{.Type}} {{.Actor.ID}}").assertSuccess().out())
                    .isEqualTo("image " + name);
            assertThat(fresh.docker("pull", name).assertSuccess().stdout())
                    .contains("Status: Image is up to date for " + name);
        }
    }

    private static String digestOf(CommandResult push) {
        var m = java.util.regex.Pattern.compile("digest: (sha256:[0-9a-f]{64})").matcher(push.stdout());
        assertThat(m.find()).as(push.stdout()).isTrue();
        return m.group(1);
    }

    @Test
    void secondTag_downloadsOnlyTheLayerThatChanged() throws Exception {
        String repo = registry.host() + "/layered";
        load(repo + ":v1", List.of(layer("base.txt", "shared base\n"), layer("v.txt", "one\n")));
        load(repo + ":v2", List.of(layer("base.txt", "shared base\n"), layer("v.txt", "two\n")));
        docker("push", repo + ":v1").assertSuccess();
        CommandResult push2 = docker("push", repo + ":v2").assertSuccess();
        assertThat(push2.stdout()).contains("Layer already exists").contains("Pushed");

        try (Berthd fresh = Berthd.start("runc")) {
            CommandResult v1 = fresh.docker("pull", repo + ":v1").assertSuccess();
            assertThat(count(v1.stdout(), "Pull complete")).isEqualTo(2);
            CommandResult v2 = fresh.docker("pull", repo + ":v2").assertSuccess();
            assertThat(count(v2.stdout(), "Already exists")).as(v2.stdout()).isEqualTo(1);
            assertThat(count(v2.stdout(), "Pull complete")).as(v2.stdout()).isEqualTo(1);
            assertThat(id(fresh, repo + ":v2")).isEqualTo(id(daemon, repo + ":v2"));
        }
    }

    @Test
    void corruptedBlobInTheRegistry_isRefused_andNothingIsStored() throws Exception {
        String name = registry.host() + "/corrupt:1";
        load(name, List.of(layer("file.txt", "the real content\n")));
        CommandResult push = docker("push", name).assertSuccess();
        String layerDigest = layerDigests(push).getFirst();
        Path data = registry.blobData(layerDigest);
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(data, bytes);

        try (Berthd fresh = Berthd.start("runc")) {
            CommandResult pull = fresh.docker("pull", name);
            assertThat(pull.exitCode()).isNotZero();
            assertThat(pull.stderr()).contains("verification failed for digest " + layerDigest);
            assertThat(fresh.docker("image", "inspect", name).exitCode()).isNotZero();
            assertThat(fresh.dataRoot().resolve("content/blobs/sha256").resolve(layerDigest.substring(7))).doesNotExist();
        }
    }

    @Test
    void unknownTag_isANotFoundError() {
        CommandResult pull = docker("pull", registry.host() + "/nothing-here:nope");
        assertThat(pull.exitCode()).isNotZero();
        assertThat(pull.stderr()).contains("not found");
    }

    /** The compressed layer digests the registry got, from the manifest berth pushed. */
    private List<String> layerDigests(CommandResult push) throws Exception {
        String digest = digestOf(push);
        Path manifest = registry.blobData(digest);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        return tree.path("layers").findValuesAsText("digest");
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private static byte[] layer(String name, String content) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            byte[] c = content.getBytes(StandardCharsets.UTF_8);
            var entry = new TarArchiveEntry(name, true);
            entry.setSize(c.length);
            entry.setMode(0100644);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.write(c);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** Loads an image of {@code layers} (plain tars, bottom first) tagged {@code name}, through a docker-archive. */
    private void load(String name, List<byte[]> layers) throws Exception {
        StringBuilder diffIds = new StringBuilder();
        StringBuilder layerNames = new StringBuilder();
        var archive = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(archive)) {
            for (int i = 0; i < layers.size(); i++) {
                String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layers.get(i)));
                diffIds.append(i == 0 ? "" : ",").append("\"sha256:").append(hex).append('"');
                layerNames.append(i == 0 ? "" : ",").append('"').append(hex).append("/layer.tar\"");
                put(tar, hex + "/layer.tar", layers.get(i));
            }
            String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
            put(tar, "config.json", config.getBytes(StandardCharsets.UTF_8));
            put(tar, "manifest.json", ("[{\"Config\":\"config.json\",\"RepoTags\":[\"" + name + "\"],\"Layers\":["
                    + layerNames + "]}]").getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.createTempFile(tmp, "image", ".tar");
        Files.write(file, archive.toByteArray());
        docker("load", "-i", file.toString()).assertSuccess();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws Exception {
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
