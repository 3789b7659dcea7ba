package dev.berth.api.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a build context as docker's CLI sends it: a plain tar of the directory's files,
 * sorted by name, owned by 0:0, without what {@code .dockerignore} excludes (the Dockerfile
 * and {@code .dockerignore} themselves are always sent, as docker does). Directories,
 * regular files and symbolic links only; long names use PAX headers. Not thread-safe.
 */
public final class ContextTar implements AutoCloseable {

    private static final int BLOCK = 512;

    private final OutputStream out;

    public ContextTar(OutputStream out) {
        this.out = out;
    }

    /**
     * Adds everything below {@code root} that {@code ignore} keeps; paths in {@code alwaysKeep}
     * (relative, e.g. "Dockerfile") are kept whatever the patterns say.
     */
    public void addDirectory(Path root, DockerIgnore ignore, Set<String> alwaysKeep) throws IOException {
        walk(root, root, ignore, alwaysKeep);
    }

    /** Adds one regular file with the given content (a Dockerfile read from elsewhere). */
    public void addFile(String name, byte[] content, int mode) throws IOException {
        header(name, '0', mode, content.length, System.currentTimeMillis() / 1000, "");
        out.write(content);
        pad(content.length);
    }

    private void walk(Path root, Path dir, DockerIgnore ignore, Set<String> alwaysKeep) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = new ArrayList<>(list.toList());
        }
        children.sort((a, b) -> Arrays.compareUnsigned(bytes(a.getFileName().toString()), bytes(b.getFileName().toString())));
        for (Path child : children) {
            String rel = root.relativize(child).toString().replace('\\', '/');
            boolean excluded = ignore.excludes(rel) && !alwaysKeep.contains(rel);
            // one lstat per file: a context has thousands
            Map<String, Object> a = Files.readAttributes(child, "unix:mode,size,lastModifiedTime,isDirectory,"
                    + "isSymbolicLink,isRegularFile", LinkOption.NOFOLLOW_LINKS);
            boolean directory = (Boolean) a.get("isDirectory");
            if (excluded && !(directory && ignore.hasExceptions())) {
                continue;
            }
            long mtime = ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
            int mode = (Integer) a.get("mode") & 0777;
            if ((Boolean) a.get("isSymbolicLink")) {
                if (!excluded) {
                    header(rel, '2', 0777, 0, mtime, Files.readSymbolicLink(child).toString());
                }
            } else if (directory) {
                if (!excluded) {
                    header(rel + "/", '5', mode, 0, mtime, "");
                }
                walk(root, child, ignore, alwaysKeep);
            } else if ((Boolean) a.get("isRegularFile") && !excluded) {
                long size = (Long) a.get("size");
                header(rel, '0', mode, size, mtime, "");
                try (InputStream in = Files.newInputStream(child)) {
                    long copied = in.transferTo(out);
                    if (copied != size) {
                        throw new IOException(rel + " changed size while it was being sent");
                    }
                }
                pad(size);
            }
        }
    }

    private void header(String name, char type, int mode, long size, long mtime, String link) throws IOException {
        byte[] nameBytes = bytes(name);
        byte[] linkBytes = bytes(link);
        if (nameBytes.length > 100 || linkBytes.length > 100) {
            StringBuilder pax = new StringBuilder();
            if (nameBytes.length > 100) {
                pax.append(record("path", name));
            }
            if (linkBytes.length > 100) {
                pax.append(record("linkpath", link));
            }
            byte[] body = bytes(pax.toString());
            block(bytes("PaxHeaders/entry"), 'x', 0644, body.length, mtime, new byte[0]);
            out.write(body);
            pad(body.length);
        }
        block(nameBytes, type, mode, size, mtime, linkBytes);
    }

    private void block(byte[] name, char type, int mode, long size, long mtime, byte[] link) throws IOException {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
        System.arraycopy(bytes("ustar\u000000"), 0, h, 257, 8);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        out.write(h);
    }

    private static String record(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = bytes(body).length;
        int total = len + String.valueOf(len).length();
        if (String.valueOf(total).length() != String.valueOf(len).length()) {
            total++;
        }
        return total + body;
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        if (s.length() > len - 1) {
            throw new IllegalArgumentException("value too large for a tar header: " + value);
        }
        String padded = "0".repeat(len - 1 - s.length()) + s;
        System.arraycopy(bytes(padded), 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the two end blocks; does not close the stream. */
    @Override
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }
}
