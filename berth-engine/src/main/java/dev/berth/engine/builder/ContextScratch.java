package dev.berth.engine.builder;

import dev.berth.engine.archive.Compression;
import dev.berth.engine.archive.ExtractOptions;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build's context is unpacked, and how it goes away again.
 *
 * <p>The context is scratch: COPY reads it, then it is deleted. Creating a file costs a disk
 * filesystem's kernel code far more than tmpfs (ext4 ~220 us of CPU per file on a busy host,
 * tmpfs ~6 us; the same for GNU tar), and unlinking thousands of fresh files can block for
 * seconds on a disk busy with writeback. So a plain (uncompressed) context tar of at most
 * {@link #MEMORY_LIMIT} (16 MiB) bytes is unpacked on tmpfs ({@code /dev/shm}) when that has room;
 * a larger or compressed one, or one tmpfs refuses (full meanwhile, an xattr it does not
 * take), on disk. Either way the tree is deleted in the background after the build, so the
 * client does not wait for it. No digest of the context stream is computed: nobody needs it.
 */
final class ContextScratch {

    /** The largest context tar held in memory and unpacked on tmpfs; larger ones are streamed to disk. */
    static final int MEMORY_LIMIT = 16 << 20;
    private static final long TMPFS_SLACK = 64L << 20;
    private static final System.Logger LOG = System.getLogger(ContextScratch.class.getName());

    private final Path diskRoot;
    private final Path memoryRoot;
    private final String memoryPrefix;

    /**
     * Contexts go to {@code diskRoot} (this builder's own) or, as {@code memoryRoot/<memoryPrefix>*}, to
     * {@code memoryRoot} (on tmpfs; null for none). Leftovers of a crashed daemon with the same prefix are deleted.
     */
    ContextScratch(Path diskRoot, Path memoryRoot, String memoryPrefix) throws IOException {
        this.diskRoot = diskRoot;
        this.memoryRoot = memoryRoot;
        this.memoryPrefix = memoryPrefix;
        if (memoryRoot != null) {
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(memoryRoot, memoryPrefix + "*")) {
                for (Path p : stale) {
                    Trees.delete(p);
                }
            }
        }
    }

    /**
     * A builder's scratch for contexts: {@code <builderRoot>/tmp} on disk, and {@code /dev/shm} when that is
     * tmpfs, with a prefix naming the data root ({@code berth-context-<hash>-}), so that a restart finds only
     * its own leftovers and nothing stays there between builds.
     */
    static ContextScratch open(Path builderRoot, Path diskRoot) throws IOException {
        Path shm = Path.of("/dev/shm");
        boolean tmpfs;
        try {
            tmpfs = Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs");
        } catch (IOException e) {
            tmpfs = false;
        }
        String prefix = "berth-context-" + Digest.sha256(builderRoot.toAbsolutePath().toString()).hex()
                .substring(0, 16) + "-";
        return new ContextScratch(diskRoot, tmpfs ? shm : null, prefix);
    }

    /** Unpacks {@code contextTar} (plain or compressed) into a new directory; {@link #discard} it after use. */
    Path unpack(InputStream contextTar) throws IOException {
        byte[] head = contextTar.readNBytes(MEMORY_LIMIT + 1);
        boolean whole = head.length <= MEMORY_LIMIT;
        if (whole && isPlainTar(head) && roomInMemory(head.length)) {
            Path dir = Files.createTempDirectory(memoryRoot, memoryPrefix);
            try {
                TarExtractor.extractInto(new ByteArrayInputStream(head), dir, ExtractOptions.DEFAULT);
                return dir;
            } catch (IOException e) {
                // tmpfs filled up meanwhile or refused an xattr: the disk takes the same bytes
                Trees.delete(dir);
            } catch (RuntimeException e) {
                Trees.delete(dir); // a refused entry: the disk would refuse it too
                throw e;
            }
        }
        InputStream all = whole ? new ByteArrayInputStream(head)
                : new SequenceInputStream(new ByteArrayInputStream(head), contextTar);
        Path dir = Files.createTempDirectory(diskRoot, "context-");
        try {
            TarExtractor.extractInto(all, dir, ExtractOptions.DEFAULT);
            return dir;
        } catch (IOException | RuntimeException e) {
            discard(dir);
            throw e;
        }
    }

    /** Deletes {@code dir} in the background: the build's answer does not wait for thousands of unlinks. */
    void discard(Path dir) {
        Thread.ofVirtual().name("build-context-delete").start(() -> {
            try {
                Trees.delete(dir);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete build context " + dir + ": " + e);
            }
        });
    }

    /** A compressed stream may inflate to far more than its length: only plain tars go to memory. */
    private static boolean isPlainTar(byte[] head) {
        return !Compression.isCompressed(head);
    }

    private boolean roomInMemory(long size) {
        if (memoryRoot == null) {
            return false;
        }
        try {
            // the unpacked tree is no larger than the tar; leave the host's other tmpfs users their share
            return Files.getFileStore(memoryRoot).getUsableSpace() > 2 * size + TMPFS_SLACK;
        } catch (IOException e) {
            return false;
        }
    }
}
