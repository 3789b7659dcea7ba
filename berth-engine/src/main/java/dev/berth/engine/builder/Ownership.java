package dev.berth.engine.builder;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --chown=user[:group]} to numeric IDs: numbers are taken as they are, names are
 * looked up in the image's /etc/passwd and /etc/group. Without a group the GID is the UID's
 * number (Docker's rule for COPY/ADD).
 */
record Ownership(int uid, int gid) {

    static Ownership resolve(String spec, Path root) throws IOException {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        int uid = id(user, root.resolve("etc/passwd"), "user");
        int gid = group == null || group.isEmpty() ? uid : id(group, root.resolve("etc/group"), "group");
        return new Ownership(uid, gid);
    }

    private static int id(String name, Path file, String kind) throws IOException {
        if (name.matches("[0-9]+")) {
            return Integer.parseInt(name);
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                String[] f = line.split(":");
                if (f.length > 2 && f[0].equals(name)) {
                    return Integer.parseInt(f[2]);
                }
            }
        }
        throw new InvalidArgumentException("unable to convert uid/gid chown string to host mapping: can't find "
                + kind + " " + name);
    }
}
