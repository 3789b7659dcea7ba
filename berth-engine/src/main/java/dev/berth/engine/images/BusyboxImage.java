package dev.berth.engine.images;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.layers.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds {@code busybox:latest} from a static busybox binary, so that a fresh engine can run
 * containers without a registry: one layer with the binary, every applet hard-linked to it,
 * a minimal /etc/passwd and /etc/group and the usual top-level directories. Every byte is
 * fixed (times, owners, order), so the same binary always gives the same image ID.
 */
final class BusyboxImage {

    static final String TAG = "busybox:latest";
    /** 2024-01-01T00:00:00Z: any fixed instant will do; this one reads as a date, not as "55 years ago". */
    private static final long EPOCH_SECONDS = 1_704_067_200L;
    private static final String CREATED = "2024-01-01T00:00:00Z";
    private static final String PATH_ENV =
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> BASE_DIRS = List.of("bin", "dev", "etc", "home", "proc", "root", "sbin",
            "sys", "tmp", "usr", "usr/bin", "usr/sbin", "var", "var/spool", "var/spool/mail", "var/www");

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/bin/false
            bin:x:2:2:bin:/bin:/bin/false
            sys:x:3:3:sys:/dev:/bin/false
            sync:x:4:100:sync:/bin:/bin/sync
            mail:x:8:8:mail:/var/spool/mail:/bin/false
            www-data:x:33:33:www-data:/var/www:/bin/false
            operator:x:37:37:Operator:/var:/bin/false
            nobody:x:65534:65534:nobody:/home:/bin/false
            """;
    private static final String GROUP = """
            root:x:0:
            daemon:x:1:
            bin:x:2:
            sys:x:3:
            adm:x:4:
            tty:x:5:
            disk:x:6:
            lp:x:7:
            mail:x:8:
            kmem:x:9:
            wheel:x:10:root
            cdrom:x:11:
            dialout:x:18:
            floppy:x:19:
            video:x:28:
            audio:x:29:
            tape:x:32:
            www-data:x:33:
            operator:x:37:
            utmp:x:43:
            plugdev:x:46:
            staff:x:50:
            lock:x:54:
            netdev:x:82:
            users:x:100:
            nogroup:x:65534:
            """;

    private final LocalImageStore store;

    BusyboxImage(LocalImageStore store) {
        this.store = store;
    }

    Image build(Path busybox) throws IOException {
        if (!Files.isRegularFile(busybox) || !Files.isExecutable(busybox)) {
            throw new InvalidArgumentException("not an executable busybox binary: " + busybox);
        }
        List<String> applets = applets(busybox);
        Path tarFile = store.tmpDir().resolve("busybox-" + UUID.randomUUID() + ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tarFile)) {
                writeLayer(busybox, applets, out);
            }
            Layer layer;
            try (InputStream in = Files.newInputStream(tarFile)) {
                layer = store.layers.register(null, in);
            }
            ImageConfig.RunConfig run = new ImageConfig.RunConfig(null, List.of(PATH_ENV), List.of("sh"),
                    null, null, null, null, null, null, null, null, null, null);
            ImageConfig config = new ImageConfig(Platform.architecture(), "linux", null, CREATED, null, run,
                    new ImageConfig.RootFs("layers", List.of(layer.diffId().toString())),
                    List.of(new ImageConfig.History(CREATED, "berth: busybox from " + busybox.getFileName()
                            + " with " + applets.size() + " applets", null, null, null)), null);
            return store.create(new NewImage(config.toBytes(), null, List.of(), List.of(TAG)));
        } finally {
            Files.deleteIfExists(tarFile);
        }
    }

    /** The applets' paths ({@code bin/sh}, {@code usr/bin/awk}, ...) in sorted order. */
    private static List<String> applets(Path busybox) throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list-full").redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new SystemException("busybox --list-full failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted waiting for busybox --list-full", e);
        }
        TreeSet<String> applets = new TreeSet<>();
        for (String line : out.split("\n")) {
            String a = line.strip();
            while (a.startsWith("/")) {
                a = a.substring(1);
            }
            if (!a.isEmpty() && !a.contains("..") && !a.equals("bin/busybox")) {
                applets.add(a);
            }
        }
        if (!applets.contains("bin/sh")) {
            throw new SystemException("busybox at " + busybox + " has no sh applet");
        }
        return new ArrayList<>(applets);
    }

    private static void writeLayer(Path busybox, List<String> applets, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        TreeSet<String> dirs = new TreeSet<>(BASE_DIRS);
        for (String a : applets) {
            for (int slash = a.indexOf('/'); slash >= 0; slash = a.indexOf('/', slash + 1)) {
                dirs.add(a.substring(0, slash));
            }
        }
        for (String d : dirs) {
            int mode = switch (d) {
                case "tmp" -> 01777;
                case "root" -> 0700;
                default -> 0755;
            };
            put(tar, entry(d + "/", TarConstants.LF_DIR, mode, 0), null);
        }
        put(tar, entry("bin/busybox", TarConstants.LF_NORMAL, 0755, Files.size(busybox)), busybox);
        text(tar, "etc/group", GROUP);
        text(tar, "etc/passwd", PASSWD);
        for (String a : applets) {
            TarArchiveEntry link = entry(a, TarConstants.LF_LINK, 0755, 0);
            link.setLinkName("bin/busybox");
            put(tar, link, null);
        }
        tar.finish();
    }

    private static void text(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        tar.putArchiveEntry(entry(name, TarConstants.LF_NORMAL, 0644, bytes.length));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(mode);
        e.setSize(size);
        e.setUserId(0);
        e.setGroupId(0);
        e.setModTime(EPOCH_SECONDS * 1000);
        return e;
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, Path content) throws IOException {
        tar.putArchiveEntry(e);
        if (content != null) {
            try (InputStream in = Files.newInputStream(content)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }
}
