package dev.berth.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.archive.TarBuilder;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalLayerStoreTest {

    @TempDir
    Path tmp;

    @Test
    void register_storesOnceUnderTheChainIdAndListsLowerDirsTopFirst() throws Exception {
        LocalLayerStore store = new LocalLayerStore(tmp.resolve("layers"));
        byte[] base = new TarBuilder().dir("etc").file("etc/os", "base").tar();
        byte[] top = new TarBuilder().file("etc/.wh.os", "").file("app", "hello").tgz();

        Layer l1 = store.register(null, new ByteArrayInputStream(base));
        Layer l2 = store.register(l1.chainId(), new ByteArrayInputStream(top));
        Layer again = store.register(null, new ByteArrayInputStream(base));

        assertThat(l1.diffId().digest()).isEqualTo(Digest.sha256(base));
        assertThat(l1.chainId().digest()).isEqualTo(l1.diffId().digest());
        assertThat(l2.chainId()).isEqualTo(ChainId.of(l1.chainId(), l2.diffId()));
        assertThat(again).isEqualTo(l1);
        assertThat(store.lowerDirs(l2.chainId())).containsExactly(store.diffPath(l2.chainId()), store.diffPath(l1.chainId()));
        assertThat(store.diffPath(l1.chainId()).resolve("etc/os")).hasContent("base");
        assertThat(store.diffPath(l2.chainId())).isEqualTo(tmp.resolve("layers").resolve(l2.chainId().digest().hex()).resolve("diff"));
        assertThat(l1.size()).isEqualTo(4);

        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        store.writeTar(l1.chainId(), rebuilt);
        assertThat(rebuilt.toByteArray()).isEqualTo(base);
    }

    @Test
    void register_refusedTarLeavesNothingBehind() throws Exception {
        Path root = tmp.resolve("layers");
        LocalLayerStore store = new LocalLayerStore(root);
        byte[] evil = new TarBuilder().file("ok", "1").symlink("out", "../../..").file("out/evil", "x").tar();
        assertThatThrownBy(() -> store.register(null, new ByteArrayInputStream(evil)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("out/evil");
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void register_unknownParentIsNotFound_andDeleteRemoves() throws Exception {
        LocalLayerStore store = new LocalLayerStore(tmp.resolve("layers"));
        ChainId missing = new ChainId(Digest.sha256("nope"));
        assertThatThrownBy(() -> store.register(missing, new ByteArrayInputStream(new TarBuilder().tar())))
                .isInstanceOf(NotFoundException.class);
        Layer l = store.register(null, new ByteArrayInputStream(new TarBuilder().file("a", "b").tar()));
        assertThat(store.delete(l.chainId())).isTrue();
        assertThat(store.exists(l.chainId())).isFalse();
        assertThat(store.delete(l.chainId())).isFalse();
        assertThatThrownBy(() -> store.get(l.chainId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void start_removesLeftoverTemporaryDirectories() throws Exception {
        Path root = tmp.resolve("layers");
        Files.createDirectories(root.resolve(".tmp-crashed/diff/x"));
        new LocalLayerStore(root);
        assertThat(root.resolve(".tmp-crashed")).doesNotExist();
    }
}
