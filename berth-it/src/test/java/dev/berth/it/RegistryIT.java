package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Berthd;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.LocalRegistry;
import dev.berth.testkit.Tmux;
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
            assertThat(fresh.docker("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}").out())
                    .contains(registry.host() + "/busybox 1 " + digestOf(push));
            assertThat(fresh.berth("images", "--digests").out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(
                    registry.host() + "/busybox") + "\\s+1\\s+" + digestOf(push) + "\\s");
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

    @Test
    void ociIndexWithTwoPlatforms_pullsAmd64_andPlatformPicksTheOther_withAZstdLayer() throws Exception {
        String repo = "multi";
        byte[] amd64Tar = layer("arch.txt", "amd64\n");
        byte[] arm64Tar = layer("arch.txt", "arm64\n");
        var zstd = new ByteArrayOutputStream();
        try (var out = new com.github.luben.zstd.ZstdOutputStream(zstd)) {
            out.write(amd64Tar);
        }
        String amd64 = ociImage(repo, "amd64", amd64Tar, zstd.toByteArray(), "application/vnd.oci.image.layer.v1.tar+zstd");
        String arm64 = ociImage(repo, "arm64", arm64Tar, gzip(arm64Tar), "application/vnd.oci.image.layer.v1.tar+gzip");
        String index = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s,%s]}"""
                .formatted(amd64.replace("}", ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}"),
                        arm64.replace("}", ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}"));
        String indexDigest = registry.putManifest(repo, "1", "application/vnd.oci.image.index.v1+json",
                index.getBytes(StandardCharsets.UTF_8));
        String name = registry.host() + "/" + repo + ":1";

        CommandResult pull = docker("pull", name).assertSuccess();
        assertThat(pull.stdout()).contains("Digest: " + indexDigest);
        assertThat(docker("image", "inspect", "--format", "{{.Architecture}} {{index .RootFS.Layers 0}}", name).out())
                .isEqualTo("amd64 " + LocalRegistry.sha256(amd64Tar)); // the zstd layer, unpacked and verified
        docker("pull", "--platform", "linux/arm64", name).assertSuccess();
        assertThat(docker("image", "inspect", "--format", "{{.Architecture}}", name).out()).isEqualTo("arm64");

        CommandResult remote = dev.berth.testkit.Commands.run(List.of("curl", "-sf", "--unix-socket",
                daemon.socket().toString(), "http://x/distribution/" + registry.host() + "/" + repo + ":1/json"),
                java.util.Map.of(), null, 30).assertSuccess();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(remote.stdout());
        assertThat(json.path("Descriptor").path("digest").asText()).isEqualTo(indexDigest);
        assertThat(json.path("Platforms").findValuesAsText("architecture")).containsExactly("amd64", "arm64");
    }

    /** Uploads a one-layer OCI image for {@code arch}; its descriptor as JSON (mediaType, digest, size). */
    private String ociImage(String repo, String arch, byte[] tar, byte[] blob, String layerType) {
        String config = "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + LocalRegistry.sha256(tar) + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configDigest = registry.putBlob(repo, configBytes);
        String layerDigest = registry.putBlob(repo, blob);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configBytes.length + "},\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\""
                + layerDigest + "\",\"size\":" + blob.length + "}]}";
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        String digest = registry.putManifest(repo, arch, "application/vnd.oci.image.manifest.v1+json", bytes);
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                + "\",\"size\":" + bytes.length + "}";
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void pushAllTags_thenPullAllTags_bringsBackEveryTag() throws Exception {
        String repo = registry.host() + "/alltags";
        load(repo + ":x", List.of(layer("x.txt", "x\n")));
        load(repo + ":y", List.of(layer("y.txt", "y\n")));
        CommandResult push = docker("push", "--all-tags", repo).assertSuccess();
        assertThat(push.stdout()).containsPattern("x: digest: sha256:[0-9a-f]{64}")
                .containsPattern("y: digest: sha256:[0-9a-f]{64}");
        String x = id(daemon, repo + ":x");
        docker("rmi", repo + ":x", repo + ":y").assertSuccess();

        CommandResult pull = berth("pull", "-a", repo).assertSuccess();
        assertThat(pull.stdout()).contains("x: Pulling from alltags").contains("y: Pulling from alltags")
                .contains("Status: Downloaded newer image for " + repo);
        assertThat(id(daemon, repo + ":x")).isEqualTo(x);
        assertThat(berth("pull", "-a", repo + ":x").stderr()).contains("tag can't be used with --all-tags/-a");
    }

    @Test
    void interruptedPull_resumesWithoutFetchingFinishedLayersAgain() throws Exception {
        String name = registry.host() + "/resume:1";
        load(name, List.of(layer("a.txt", "bottom\n"), layer("b.txt", "middle\n"), layer("c.txt", "top\n")));
        CommandResult push = docker("push", name).assertSuccess();
        String id = id(daemon, name);
        docker("rmi", name).assertSuccess();
        List<String> blobs = layerDigests(push);
        Path top = registry.blobData(blobs.get(2));
        byte[] good = Files.readAllBytes(top);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x55;
        Files.write(top, bad);

        CommandResult broken = docker("pull", name);
        assertThat(broken.exitCode()).isNotZero();
        assertThat(docker("image", "inspect", name).exitCode()).isNotZero(); // no half-made image
        // the registry loses the two layers that came down whole, and gets the third right
        Files.delete(registry.blobData(blobs.get(0)));
        Files.delete(registry.blobData(blobs.get(1)));
        Files.write(top, good);

        CommandResult resumed = docker("pull", name).assertSuccess();
        assertThat(count(resumed.stdout(), "Already exists")).as(resumed.stdout()).isEqualTo(2);
        assertThat(count(resumed.stdout(), "Pull complete")).as(resumed.stdout()).isEqualTo(1);
        assertThat(id(daemon, name)).isEqualTo(id);
    }

    @Test
    void rmi_deletesTheLayerBlobsNoImageUses() throws Exception {
        String name = registry.host() + "/gc:1";
        load(name, List.of(layer("gc.txt", "collect me\n")));
        String blob = layerDigests(docker("push", name).assertSuccess()).getFirst();
        Path stored = daemon.dataRoot().resolve("content/blobs/sha256").resolve(blob.substring(7));
        assertThat(stored).exists(); // compressed once for the push, kept for the next one
        docker("rmi", name).assertSuccess();
        assertThat(stored).doesNotExist();
    }

    @Test
    void pullOnATerminal_redrawsOneLinePerLayer() throws Exception {
        String name = registry.host() + "/tty:1";
        load(name, List.of(layer("one.txt", "1\n"), layer("two.txt", "2\n")));
        List<String> blobs = layerDigests(docker("push", name).assertSuccess());
        docker("rmi", name).assertSuccess();
        try (Tmux t = Tmux.start(120, 30, daemon.berthShellCommand("pull", name) + "; echo EXIT=$?")) {
            String screen = t.await("^EXIT=0$");
            for (String blob : blobs) {
                String id = blob.substring(7, 19);
                // plain lines would show the layer once per status; a terminal keeps one line, redrawn
                assertThat(count(screen, id + ":")).as(screen).isEqualTo(1);
                assertThat(screen).contains(id + ": Pull complete");
            }
            assertThat(screen).contains("Status: Downloaded newer image for " + name);
        }
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
