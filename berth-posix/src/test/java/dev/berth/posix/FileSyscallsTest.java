package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyscallsTest {

    @TempDir
    Path dir;

    @Test
    void makedev_roundTripsMajorAndMinor() {
        long[][] table = {{0, 0}, {1, 3}, {4, 64}, {259, 70000}, {8, 255}};
        for (long[] row : table) {
            long dev = FileSyscalls.makedev(row[0], row[1]);
            assertThat(FileSyscalls.major(dev)).isEqualTo(row[0]);
            assertThat(FileSyscalls.minor(dev)).isEqualTo(row[1]);
        }
        assertThat(FileSyscalls.makedev(1, 3)).isEqualTo(0x103L);
    }

    @Test
    void mknod_createsWhiteoutDeviceAndFifo() throws Exception {
        Path wh = dir.resolve("wh");
        FileSyscalls.mknod(wh, FileSyscalls.S_IFCHR, 0);
        assertThat((int) Files.getAttribute(wh, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
                .isEqualTo(FileSyscalls.S_IFCHR);
        assertThat((long) Files.getAttribute(wh, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isZero();

        Path fifo = dir.resolve("fifo");
        FileSyscalls.mknod(fifo, FileSyscalls.S_IFIFO | 0644, 0);
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();

        assertThatThrownBy(() -> FileSyscalls.mknod(fifo, FileSyscalls.S_IFIFO | 0644, 0))
                .isInstanceOf(PosixException.class)
                .satisfies(e -> assertThat(((PosixException) e).errno()).isEqualTo(Errno.EEXIST));
    }

    @Test
    void xattrs_setGetAndListOnTheLinkItself() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        FileSyscalls.lsetxattr(d, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.UTF_8));
        assertThat(FileSyscalls.lgetxattr(d, "trusted.overlay.opaque")).get()
                .isEqualTo("y".getBytes(StandardCharsets.UTF_8));
        assertThat(FileSyscalls.llistxattr(d)).contains("trusted.overlay.opaque");
        assertThat(FileSyscalls.lgetxattr(d, "user.none")).isEmpty();
    }

    @Test
    void lchownAndLutimes_changeTheLinkNotItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("t"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("l"), target);
        FileSyscalls.lchown(link, 1234, 4321);
        FileSyscalls.lutimes(link, 1000, 0, 2000, 5);
        assertThat(Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
        assertThat(Files.getAttribute(link, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4321);
        assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toMillis()).isEqualTo(2_000_000L);
        assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(0);
        assertThat(Files.getLastModifiedTime(target)).isNotEqualTo(FileTime.fromMillis(2_000_000L));
    }
}
