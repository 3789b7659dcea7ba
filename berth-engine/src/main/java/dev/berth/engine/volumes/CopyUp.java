package dev.berth.engine.volumes;

import dev.berth.engine.archive.ExtractOptions;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.archive.TarWriter;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.runtime.spec.RootfsPath;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Docker's copy-up: a volume that is empty when mounted over a directory that holds files in
 * the image is first filled with those files (owners, modes, times, links kept), and takes
 * the directory's owner and mode. The copy goes through the archive package's tar writer and
 * safe extractor, so a link in the image can never make it write outside the volume.
 */
public final class CopyUp {

    private CopyUp() {
    }

    static void intoEmptyVolume(Path rootfs, String destination, Path volumeData) {
        Optional<Path> source = RootfsPath.resolve(rootfs, destination);
        if (source.isEmpty() || !Files.isDirectory(source.get(), LinkOption.NOFOLLOW_LINKS) || !isEmpty(volumeData)) {
            return;
        }
        try {
            copyTree(source.get(), volumeData);
            Files.setAttribute(volumeData, "unix:uid", Files.getAttribute(source.get(), "unix:uid"));
            Files.setAttribute(volumeData, "unix:gid", Files.getAttribute(source.get(), "unix:gid"));
            Files.setAttribute(volumeData, "unix:mode", Files.getAttribute(source.get(), "unix:mode"));
        } catch (IOException e) {
            throw new SystemException("copy the image's " + destination + " into its volume: " + e.getMessage(), e);
        }
    }

    /**
     * Copies everything below {@code from} into the existing directory {@code to}, owners, modes,
     * times and links kept (the builder seeds cache mounts with it).
     */
    public static void copyTree(Path from, Path to) throws IOException {
        PipedInputStream in = new PipedInputStream(256 * 1024);
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer;
        try (PipedOutputStream out = new PipedOutputStream(in)) {
            writer = Thread.ofVirtual().name("copy-up").start(() -> {
                try (out) {
                    TarWriter.write(from, out);
                } catch (IOException e) {
                    writeFailure.set(e);
                }
            });
            try (in) {
                TarExtractor.extractInto(in, to, ExtractOptions.DEFAULT);
            }
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
