package dev.berth.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.posix.FileSyscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@org.junit.jupiter.api.Timeout(60)
class TarExtractorTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> maliciousTars() {
        return Stream.of(
                Arguments.of("dot-dot path", "../evil",
                        (Supplier<byte[]>) () -> new TarBuilder().file("../evil", "x").tar()),
                Arguments.of("absolute dot-dot path", "/../../evil",
                        (Supplier<byte[]>) () -> new TarBuilder().file("/../../evil", "x").tar()),
                Arguments.of("nested dot-dot", "a/../../evil",
                        (Supplier<byte[]>) () -> new TarBuilder().dir("a").file("a/../../evil", "x").tar()),
                Arguments.of("write through relative link out of root", "out/evil",
                        (Supplier<byte[]>) () -> new TarBuilder().symlink("out", "../../..").file("out/evil", "x").tar()),
                Arguments.of("write through chained links out of root", "b/evil",
                        (Supplier<byte[]>) () -> new TarBuilder().dir("d").symlink("d/up", "..")
                                .symlink("b", "d/up/..").file("b/evil", "x").tar()),
                Arguments.of("hard link to a file outside the root", "passwd",
                        (Supplier<byte[]>) () -> new TarBuilder().hardlink("passwd", "../../etc/passwd").tar()),
                Arguments.of("hard link through a link out of the root", "h",
                        (Supplier<byte[]>) () -> new TarBuilder().symlink("out", "../..").hardlink("h", "out/etc/passwd").tar()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maliciousTars")
    void extract_refusesEscapesAndWritesNothingOutside(String kind, String entry, Supplier<byte[]> tar) throws Exception {
        Path sandbox = Files.createDirectories(tmp.resolve("a/b/c"));
        Path root = Files.createDirectory(sandbox.resolve("root"));
        assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(tar.get()), root))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(entry);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("evil")
                    || p.getFileName().toString().equals("h")).toList()).isEmpty();
        }
    }

    @Test
    void extract_absoluteLinkTargetsResolveInsideTheRoot() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        byte[] tar = new TarBuilder().dir("etc").symlink("link", "/etc").file("link/passwd", "root:x:0:0").tar();
        TarExtractor.extract(new ByteArrayInputStream(tar), root);
        assertThat(root.resolve("etc/passwd")).hasContent("root:x:0:0");
        assertThat(Files.isSymbolicLink(root.resolve("link"))).isTrue();
    }

    @Test
    void extract_keepsModesOwnersTimesAndComputesDiffId() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        TarArchiveEntry fifo = new TarArchiveEntry("dev/fifo", TarConstants.LF_FIFO, true);
        fifo.setMode(0640);
        TarArchiveEntry nul = new TarArchiveEntry("dev/null", TarConstants.LF_CHR, true);
        nul.setDevMajor(1);
        nul.setDevMinor(3);
        nul.setMode(0666);
        TarArchiveEntry x = new TarArchiveEntry("x", TarConstants.LF_NORMAL, true);
        x.addPaxHeader("SCHILY.xattr.user.note", "hello");
        x.setSize(0);
        byte[] tar = new TarBuilder().dir("tmp", 01777).file("bin/su", "s", 04755, 0, 0)
                .file("home/u/f", "data", 0600, 1000, 1001).symlink("home/l", "u/f")
                .hardlink("home/hard", "home/u/f").dir("dev").entry(fifo, null).entry(nul, null)
                .entry(x, new byte[0]).tar();

        ExtractResult result = TarExtractor.extract(new ByteArrayInputStream(tar), root);

        assertThat(result.diffId()).isEqualTo(Digest.sha256(tar));
        assertThat(result.tarSize()).isEqualTo(tar.length);
        assertThat(result.contentSize()).isEqualTo(5);
        assertThat(attr(root.resolve("tmp"), "mode") & 07777).isEqualTo(01777);
        assertThat(attr(root.resolve("bin/su"), "mode") & 07777).isEqualTo(04755);
        assertThat(attr(root.resolve("home/u/f"), "uid")).isEqualTo(1000);
        assertThat(attr(root.resolve("home/u/f"), "gid")).isEqualTo(1001);
        assertThat(Files.getLastModifiedTime(root.resolve("home/u/f")).toMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(Files.readSymbolicLink(root.resolve("home/l"))).isEqualTo(Path.of("u/f"));
        assertThat(attr(root.resolve("home/hard"), "ino")).isEqualTo(attr(root.resolve("home/u/f"), "ino"));
        assertThat(attr(root.resolve("dev/fifo"), "mode") & 0170000).isEqualTo(FileSyscalls.S_IFIFO);
        assertThat(attr(root.resolve("dev/null"), "rdev")).isEqualTo(FileSyscalls.makedev(1, 3));
        assertThat(FileSyscalls.lgetxattr(root.resolve("x"), "user.note")).get()
                .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void extract_acceptsGzipAndGivesTheDiffIdOfTheUncompressedStream() throws Exception {
        TarBuilder b = new TarBuilder().file("a", "1");
        byte[] tgz = b.tgz();
        byte[] plain = new TarBuilder().file("a", "1").tar();
        ExtractResult r = TarExtractor.extract(new ByteArrayInputStream(tgz), Files.createDirectory(tmp.resolve("r")));
        assertThat(r.diffId()).isEqualTo(Digest.sha256(plain));
    }

    @Test
    void extract_turnsOciWhiteoutsIntoOverlayWhiteouts() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        byte[] tar = new TarBuilder().dir("etc").file("etc/.wh.gone", "").dir("opaque")
                .file("opaque/.wh..wh..opq", "").file("opaque/kept", "k").file(".wh..wh.plnk", "").tar();
        TarExtractor.extract(new ByteArrayInputStream(tar), root);

        Path gone = root.resolve("etc/gone");
        assertThat(attr(gone, "mode") & 0170000).isEqualTo(FileSyscalls.S_IFCHR);
        assertThat(attr(gone, "rdev")).isEqualTo(0L);
        assertThat(Files.exists(root.resolve("etc/.wh.gone"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(FileSyscalls.lgetxattr(root.resolve("opaque"), TarExtractor.OPAQUE_XATTR)).get()
                .isEqualTo("y".getBytes(StandardCharsets.UTF_8));
        assertThat(root.resolve("opaque/kept")).hasContent("k");
        try (Stream<Path> names = Files.list(root)) {
            assertThat(names.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("etc", "opaque");
        }
    }

    @Test
    void tarWriter_turnsOverlayWhiteoutsBackAndRoundTrips() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        byte[] tar = new TarBuilder().dir("etc").file("etc/.wh.gone", "").dir("opaque")
                .file("opaque/.wh..wh..opq", "").file("opaque/kept", "k", 0640, 5, 6)
                .file("b", "bb").hardlink("c", "b").symlink("l", "/etc").tar();
        TarExtractor.extract(new ByteArrayInputStream(tar), root);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter.write(root, out);
        Path again = Files.createDirectory(tmp.resolve("again"));
        TarExtractor.extract(new ByteArrayInputStream(out.toByteArray()), again);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        TarWriter.write(again, second);

        assertThat(second.toByteArray()).as("deterministic").isEqualTo(out.toByteArray());
        assertThat(attr(again.resolve("etc/gone"), "mode") & 0170000).isEqualTo(FileSyscalls.S_IFCHR);
        assertThat(FileSyscalls.lgetxattr(again.resolve("opaque"), TarExtractor.OPAQUE_XATTR)).isPresent();
        assertThat(attr(again.resolve("opaque/kept"), "uid")).isEqualTo(5);
        assertThat(attr(again.resolve("c"), "ino")).isEqualTo(attr(again.resolve("b"), "ino"));
        String listing = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(listing).contains("etc/.wh.gone", "opaque/.wh..wh..opq");
    }

    @Test
    void tarSplit_reassemblesTheExactStream() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Path split = tmp.resolve("split");
        TarArchiveEntry pax = new TarArchiveEntry("p/" + "long-name-".repeat(20), TarConstants.LF_NORMAL, true);
        byte[] data = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        pax.setSize(data.length);
        pax.addPaxHeader("SCHILY.xattr.user.a", "b");
        byte[] tar = new TarBuilder().dir("p").entry(pax, data).file("p/small", "abc").file("p/.wh.x", "")
                .symlink("s", "p/small").hardlink("h", "p/small").tar();
        ExtractResult r = TarExtractor.extract(new ByteArrayInputStream(tar), root, split);

        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        TarSplit.reassemble(split, root, rebuilt);
        assertThat(Digest.sha256(rebuilt.toByteArray())).isEqualTo(r.diffId());
        assertThat(rebuilt.toByteArray()).isEqualTo(tar);
    }

    private static Object attr0(Path p, String name) throws Exception {
        Map<String, Object> all = Files.readAttributes(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
        return all.get(name);
    }

    private static long attr(Path p, String name) throws Exception {
        return ((Number) attr0(p, name)).longValue();
    }

    @Test
    void extractInto_noOverwriteDirNonDir_refusesBothSwapsWithMobysWords() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Files.createDirectory(root.resolve("x"));
        Files.writeString(root.resolve("y"), "file");
        var refuse = new ExtractOptions(true, java.util.Optional.empty(), "/d");
        assertThatThrownBy(() -> TarExtractor.extractInto(new ByteArrayInputStream(new TarBuilder().file("x", "f").tar()),
                root, refuse)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot overwrite directory \"/d/x\" with non-directory \"/d\"");
        assertThatThrownBy(() -> TarExtractor.extractInto(new ByteArrayInputStream(new TarBuilder().dir("y").tar()),
                root, refuse)).isInstanceOf(ConflictException.class)
                .hasMessage("cannot overwrite non-directory \"/d/y\" with directory \"/d\"");
        assertThat(root.resolve("x")).isDirectory();
        assertThat(root.resolve("y")).hasContent("file");

        // same kinds are fine, and without the option a swap replaces, as before
        TarExtractor.extractInto(new ByteArrayInputStream(new TarBuilder().dir("x").file("y", "new").tar()), root, refuse);
        assertThat(root.resolve("y")).hasContent("new");
        TarExtractor.extractInto(new ByteArrayInputStream(new TarBuilder().file("x", "f").tar()), root, ExtractOptions.DEFAULT);
        assertThat(root.resolve("x")).hasContent("f");
    }

    @Test
    void extractInto_ownerReplacesTheTarsOwners() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        byte[] tar = new TarBuilder().dir("d").file("d/f", "x", 0640, 1234, 5678).tar();
        TarExtractor.extractInto(new ByteArrayInputStream(tar), root, ExtractOptions.DEFAULT);
        assertThat(attr(root.resolve("d/f"), "uid")).isEqualTo(1234);
        TarExtractor.extractInto(new ByteArrayInputStream(tar), root,
                new ExtractOptions(false, java.util.Optional.of(new ExtractOptions.Owner(65534, 65533)), "/"));
        assertThat(attr(root.resolve("d/f"), "uid")).isEqualTo(65534);
        assertThat(attr(root.resolve("d/f"), "gid")).isEqualTo(65533);
        assertThat(attr(root.resolve("d"), "uid")).isEqualTo(65534);
        assertThat(attr(root.resolve("d/f"), "mode") & 07777).isEqualTo(0640);
    }
}
