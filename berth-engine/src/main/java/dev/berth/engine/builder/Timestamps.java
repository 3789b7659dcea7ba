package dev.berth.engine.builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code SOURCE_DATE_EPOCH} for layers, as BuildKit's rewrite-timestamp does it: every file,
 * directory and link newer than the epoch gets the epoch as its modification time (older
 * ones keep theirs), so that a layer made again from the same inputs has the same bytes even
 * when the build created directories or files just now.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The epoch a build's {@code SOURCE_DATE_EPOCH} build arg names, or null when it is unset or not a number. */
    static Instant sourceDateEpoch(java.util.Map<String, String> buildArgs) {
        String epoch = buildArgs.get("SOURCE_DATE_EPOCH");
        return epoch != null && epoch.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epoch)) : null;
    }

    /** Clamps the modification times below {@code root} (not {@code root} itself) to {@code epoch}. */
    static void clamp(Path root, Instant epoch) throws IOException {
        FileTime limit = FileTime.from(epoch);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(p -> !p.equals(root)).toList();
        }
        for (Path p : all) {
            BasicFileAttributeView view = Files.getFileAttributeView(p, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view.readAttributes().lastModifiedTime().compareTo(limit) > 0) {
                view.setTimes(limit, null, null);
            }
        }
    }
}
