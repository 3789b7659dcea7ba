package dev.berth.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.archive.TarBuilder;
import dev.berth.engine.content.LocalContentStore;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.images.RemoveResult.Deleted;
import dev.berth.engine.images.RemoveResult.Untagged;
import dev.berth.engine.layers.LocalLayerStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LocalImageStoreTest {

    @TempDir
    Path root;

    private final Set<ImageId> used = new HashSet<>();
    private LocalLayerStore layers;
    private LocalImageStore store;

    @BeforeEach
    void open() throws Exception {
        layers = new LocalLayerStore(root.resolve("layers"));
        store = new LocalImageStore(root.resolve("images"), new LocalContentStore(root.resolve("content")),
                layers, used::contains);
    }

    private static byte[] appTar(String content) {
        return new TarBuilder().dir("bin").file("bin/app", content, 0755, 0, 0).dir("etc")
                .file("etc/.wh.gone", "").tgz();
    }

    private Image importApp(String ref, String content) throws Exception {
        return importApp(ref, appTar(content));
    }

    private Image importApp(String ref, byte[] tar) throws Exception {
        return store.importRootfs(new ByteArrayInputStream(tar), ref, null,
                List.of("CMD [\"/bin/app\"]", "ENV A=1 B=\"two words\"", "WORKDIR /w", "USER 1000",
                        "LABEL k=v", "EXPOSE 80 53/udp"));
    }

    @Test
    void importRootfs_appliesChangesAndIsFoundByEveryName() throws Exception {
        Image image = importApp("example.com/app:1", "v1");

        ImageConfig.RunConfig c = image.config().config();
        assertThat(c.cmd()).containsExactly("/bin/app");
        assertThat(c.env()).containsExactly("A=1", "B=two words");
        assertThat(c.workingDir()).isEqualTo("/w");
        assertThat(c.user()).isEqualTo("1000");
        assertThat(c.labels()).containsEntry("k", "v");
        assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
        assertThat(image.repoTags()).containsExactly("example.com/app:1");
        assertThat(image.id()).isEqualTo(ImageId.ofConfig(image.rawConfig()));
        assertThat(image.size()).isEqualTo(2);
        assertThat(layers.lowerDirs(image.topLayer())).hasSize(1);

        String id = image.id().toString();
        for (String name : List.of("example.com/app:1", id, id.substring(7), id.substring(7, 19), "sha256:" + id.substring(7, 15))) {
            assertThat(store.get(name).id()).as(name).isEqualTo(image.id());
        }
        assertThatThrownBy(() -> store.get("nosuch")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nosuch:latest");
        assertThat(store.find("example.com/app:2")).isEmpty();
    }

    @Test
    void reopen_findsImagesAndTagsAgain() throws Exception {
        Image image = importApp("app:1", "v1");
        store.tag("app:1", "app:2");
        open();
        assertThat(store.get("app:2").id()).isEqualTo(image.id());
        assertThat(store.find("app")).as("app means app:latest, never tagged").isEmpty();
    }

    @Test
    void remove_untagsUntilTheLastReferenceThenDeletesImageAndLayers() throws Exception {
        Image image = importApp("app:1", "v1");
        store.tag("app:1", "app:2");

        RemoveResult first = store.remove("app:1", false, false);
        assertThat(first.items()).containsExactly(new Untagged("app:1"));

        RemoveResult second = store.remove("app:2", false, false);
        assertThat(second.items()).containsExactly(new Untagged("app:2"), new Deleted(image.id().toString()),
                new Deleted(image.topLayer().toString()));
        assertThat(store.find(image.id().toString())).isEmpty();
        assertThat(layers.exists(image.topLayer())).isFalse();
        assertThatThrownBy(() -> store.remove("app:2", false, false)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such image");
    }

    @Test
    void remove_byIdWithTagsInSeveralRepositoriesNeedsForce() throws Exception {
        Image image = importApp("app:1", "v1");
        store.tag("app:1", "other:1");
        assertThatThrownBy(() -> store.remove(image.id().digest().shortHex(), false, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("referenced in multiple repositories");
        RemoveResult r = store.remove(image.id().digest().shortHex(), true, false);
        assertThat(r.items()).containsExactlyInAnyOrder(new Untagged("app:1"), new Untagged("other:1"),
                new Deleted(image.id().toString()), new Deleted(image.topLayer().toString()));
    }

    @Test
    void remove_imageInUseNeedsForce_andSharedLayersStay() throws Exception {
        byte[] tar = appTar("same");
        Image a = importApp("a:1", tar);
        Image b = store.importRootfs(new ByteArrayInputStream(tar), "b:1", "other", List.of());
        assertThat(b.topLayer()).as("same content, same layer").isEqualTo(a.topLayer());
        used.add(a.id());
        assertThatThrownBy(() -> store.remove("a:1", false, false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("must force");
        RemoveResult r = store.remove("a:1", true, false);
        assertThat(r.items()).containsExactly(new Untagged("a:1"), new Deleted(a.id().toString()));
        assertThat(layers.exists(b.topLayer())).isTrue();
    }

    @Test
    void saveThenLoad_givesTheSameImageIdAndDiffIds() throws Exception {
        Image image = importApp("example.com/app:1", "v1");
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.save(List.of("example.com/app:1"), saved);

        RemoveResult removed = store.remove("example.com/app:1", false, false);
        assertThat(removed.items()).contains(new Deleted(image.id().toString()));
        assertThat(store.list()).isEmpty();

        List<LoadedImage> loaded = store.load(new ByteArrayInputStream(saved.toByteArray()));
        assertThat(loaded).containsExactly(new LoadedImage(image.id(), List.of("example.com/app:1")));
        Image back = store.get("example.com/app:1");
        assertThat(back.id()).isEqualTo(image.id());
        assertThat(back.diffIds()).isEqualTo(image.diffIds());
        assertThat(back.rawConfig()).isEqualTo(image.rawConfig());
        assertThat(layers.diffPath(back.topLayer()).resolve("bin/app")).hasContent("v1");
        assertThat(store.history("example.com/app:1").getFirst().comment()).isEqualTo("Imported from -");
    }

    @Test
    void load_ociLayoutWithoutManifestJson() throws Exception {
        Image image = importApp("example.com/app:1", "v1");
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.save(List.of("example.com/app:1"), saved);
        byte[] ociOnly = SavedArchives.without(saved.toByteArray(), "manifest.json", "repositories");
        store.remove("example.com/app:1", false, false);

        List<LoadedImage> loaded = store.load(new ByteArrayInputStream(ociOnly));
        assertThat(loaded).containsExactly(new LoadedImage(image.id(), List.of("example.com/app:1")));
    }

    @Test
    void load_refusesAnArchiveWhoseLayerDoesNotMatchTheConfig() throws Exception {
        importApp("example.com/app:1", "v1");
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.save(List.of("example.com/app:1"), saved);
        byte[] tampered = SavedArchives.replaceLayers(saved.toByteArray(), new TarBuilder().file("x", "evil").tar());
        store.remove("example.com/app:1", false, false);
        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(tampered)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void load_legacyDockerArchiveWithLayerTarDirectories() throws Exception {
        Image image = importApp("example.com/app:1", "v1");
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        layers.writeTar(image.topLayer(), layer);
        String configName = image.id().digest().hex() + ".json";
        byte[] manifest = ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"legacy:1\"],"
                + "\"Layers\":[\"0123abcd/layer.tar\"]}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TarBuilder legacy = new TarBuilder().dir("0123abcd")
                .entry(file("0123abcd/layer.tar", layer.size()), layer.toByteArray())
                .entry(file(configName, image.rawConfig().length), image.rawConfig())
                .entry(file("manifest.json", manifest.length), manifest);
        store.remove("example.com/app:1", false, false);

        List<LoadedImage> loaded = store.load(new ByteArrayInputStream(legacy.tgz()));
        assertThat(loaded).containsExactly(new LoadedImage(image.id(), List.of("legacy:1")));
        assertThat(store.get("legacy:1").diffIds()).isEqualTo(image.diffIds());
    }

    private static org.apache.commons.compress.archivers.tar.TarArchiveEntry file(String name, long size) {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        e.setSize(size);
        return e;
    }

    @Test
    void create_needsRegisteredLayers() {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
                + "a".repeat(64) + "\"]}}").getBytes();
        assertThatThrownBy(() -> store.create(new NewImage(config, null, List.of(), List.of("x:1"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void tag_refusesDigestTargets() throws Exception {
        importApp("app:1", "v1");
        assertThatThrownBy(() -> store.tag("app:1", "app@sha256:" + "a".repeat(64)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> store.tag("nosuch", "app:3")).isInstanceOf(NotFoundException.class);
    }
}
