package dev.berth.daemon;

import dev.berth.daemon.router.build.BuildBackend;
import dev.berth.engine.archive.TarExtractor;
import dev.berth.engine.builder.BuildRequest;
import dev.berth.engine.builder.Builder;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/** The build route's backend: unpacks the context into the builder's scratch space, builds, cleans up. */
final class BuildApi implements BuildBackend {

    private final Builder builder;

    BuildApi(Builder builder) {
        this.builder = builder;
    }

    @Override
    public String build(InputStream context, BuildOptions options, Consumer<String> progress) throws Exception {
        Path dir = Files.createTempDirectory(builder.tmpDir(), "context-");
        try {
            TarExtractor.extract(context, dir);
            BuildRequest request = new BuildRequest(dir, options.dockerfile(), options.tags(), options.buildArgs(),
                    options.labels(), options.target(), options.noCache());
            return builder.build(request, progress::accept).toString();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path root) throws java.io.IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws java.io.IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, java.io.IOException exc) throws java.io.IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
