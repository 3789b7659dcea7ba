package dev.berth.engine.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalContentStoreTest {

    @TempDir
    Path tmp;

    @Test
    void commit_verifiesAndPublishesUnderTheDigest() throws Exception {
        LocalContentStore store = new LocalContentStore(tmp.resolve("content"));
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        Digest expected = Digest.sha256(data);
        try (ContentWriter w = store.writer()) {
            w.write(data, 0, 2);
            w.write(data, 2, 3);
            assertThat(w.commit(expected)).isEqualTo(expected);
        }
        assertThat(store.exists(expected)).isTrue();
        assertThat(store.size(expected)).isEqualTo(5);
        assertThat(store.read(expected)).isEqualTo(data);
        assertThat(store.path(expected)).isEqualTo(tmp.resolve("content/blobs/sha256/" + expected.hex()));
        assertThat(store.put(data)).as("an existing blob is success").isEqualTo(expected);
        assertIngestEmpty();
    }

    @Test
    void commit_refusesMismatchAndLeavesNothing() throws Exception {
        LocalContentStore store = new LocalContentStore(tmp.resolve("content"));
        Digest other = Digest.sha256("other");
        try (ContentWriter w = store.writer()) {
            w.write("hello".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> w.commit(other)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("digest mismatch");
        }
        assertThat(store.exists(other)).isFalse();
        assertThat(store.exists(Digest.sha256("hello"))).isFalse();
        assertIngestEmpty();
    }

    @Test
    void closeWithoutCommit_discards_andMissingBlobsAreNotFound() throws Exception {
        LocalContentStore store = new LocalContentStore(tmp.resolve("content"));
        try (ContentWriter w = store.writer()) {
            w.write(1);
        }
        assertIngestEmpty();
        Digest d = Digest.sha256("x");
        assertThatThrownBy(() -> store.open(d)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.size(d)).isInstanceOf(NotFoundException.class);
        assertThat(store.delete(d)).isFalse();
        Digest put = store.put(new byte[] {1});
        assertThat(store.delete(put)).isTrue();
        assertThat(store.exists(put)).isFalse();
    }

    private void assertIngestEmpty() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("content/ingest"))) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
