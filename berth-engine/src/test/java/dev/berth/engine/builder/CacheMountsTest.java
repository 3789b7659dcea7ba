package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.builder.dockerfile.RunMount.Sharing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheMountsTest {

    private static final CacheMounts.Seed EMPTY = new CacheMounts.Seed(0755, 0, 0, null);

    @TempDir
    Path dir;

    @Test
    void aCache_keepsItsFilesAcrossLeases_andAcrossARestart() throws Exception {
        CacheMounts caches = new CacheMounts(dir);
        try (CacheMounts.Lease lease = caches.acquire("/root/.cache", Sharing.SHARED, EMPTY)) {
            Files.writeString(lease.dir().resolve("wheel"), "w");
            assertThat(Files.getAttribute(lease.dir(), "unix:mode")).isEqualTo(040755);
        }
        try (CacheMounts.Lease lease = new CacheMounts(dir).acquire("/root/.cache", Sharing.SHARED, EMPTY)) {
            assertThat(lease.dir().resolve("wheel")).hasContent("w");
        }
        assertThat(caches.list()).extracting(CacheMounts.Entry::id, CacheMounts.Entry::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/root/.cache", 1L));
    }

    @Test
    void aNewCache_startsFromItsSeed() throws Exception {
        Path seed = Files.createDirectories(dir.resolve("seed"));
        Files.writeString(seed.resolve("f"), "seeded");
        CacheMounts caches = new CacheMounts(dir.resolve("mounts"));
        try (CacheMounts.Lease lease = caches.acquire("c", Sharing.SHARED, new CacheMounts.Seed(0700, 0, 0, seed))) {
            assertThat(lease.dir().resolve("f")).hasContent("seeded");
            assertThat(Files.getAttribute(lease.dir(), "unix:mode")).isEqualTo(040700);
        }
    }

    @Test
    void aPrivateCacheInUse_givesAFreshDirectory_thatGoesAfterwards() throws Exception {
        CacheMounts caches = new CacheMounts(dir);
        try (CacheMounts.Lease first = caches.acquire("c", Sharing.PRIVATE, EMPTY);
             CacheMounts.Lease second = caches.acquire("c", Sharing.PRIVATE, EMPTY)) {
            assertThat(second.dir()).isNotEqualTo(first.dir());
            Files.writeString(second.dir().resolve("x"), "x");
            second.close();
            assertThat(second.dir()).doesNotExist();
            assertThat(first.dir()).exists();
        }
    }

    @Test
    void aLockedCache_isHeldByOneStepAtATime() throws Exception {
        CacheMounts caches = new CacheMounts(dir);
        CacheMounts.Lease first = caches.acquire("c", Sharing.LOCKED, EMPTY);
        CompletableFuture<CacheMounts.Lease> second = CompletableFuture.supplyAsync(() -> {
            try {
                return caches.acquire("c", Sharing.LOCKED, EMPTY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(second).isNotDone(); // it waits, however long the first holds it
        first.close();
        try (CacheMounts.Lease lease = second.get(10, TimeUnit.SECONDS)) {
            assertThat(lease.dir()).isEqualTo(first.dir());
        }
    }

    @Test
    void prune_deletesWhatNoStepHolds() throws Exception {
        CacheMounts caches = new CacheMounts(dir);
        caches.acquire("idle", Sharing.SHARED, EMPTY).close();
        try (CacheMounts.Lease busy = caches.acquire("busy", Sharing.SHARED, EMPTY)) {
            assertThat(caches.prune()).extracting(CacheMounts.Entry::id).containsExactly("idle");
            assertThat(busy.dir()).exists();
        }
        assertThat(caches.list()).extracting(CacheMounts.Entry::id).containsExactly("busy");
    }
}
