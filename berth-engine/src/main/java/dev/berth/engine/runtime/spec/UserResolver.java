package dev.berth.engine.runtime.spec;

import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's {@code --user} forms ({@code ""}, {@code name}, {@code uid},
 * {@code name:group}, {@code uid:gid}, mixed) against a rootfs's /etc/passwd and /etc/group,
 * with the rules and messages of runc's libcontainer/user that Docker uses: a numeric id
 * needs no entry, a name does; supplementary groups are looked up only when no group is
 * given.
 */
public final class UserResolver {

    private static final long MAX_ID = Integer.MAX_VALUE;

    private UserResolver() {
    }

    /** Resolves {@code user} against the files of {@code rootfs} (missing files are empty). */
    public static ResolvedUser resolve(String user, Path rootfs) {
        return resolve(user, read(rootfs, "/etc/passwd"), read(rootfs, "/etc/group"));
    }

    /** Resolves {@code user} against the given file contents (empty: no such file). */
    public static ResolvedUser resolve(String user, Optional<String> passwd, Optional<String> group) {
        String spec = user == null ? "" : user;
        int colon = spec.indexOf(':');
        String userArg = colon < 0 ? spec : spec.substring(0, colon);
        String groupArg = colon < 0 ? "" : spec.substring(colon + 1);

        long uid = 0;
        long gid = 0;
        String home = "/";
        String matchedName = null;

        Optional<Long> numericUid = userArg.isEmpty() ? Optional.of(0L) : numeric(userArg);
        Optional<String[]> entry = passwd.flatMap(text -> findPasswd(text, userArg, numericUid));
        if (entry.isPresent()) {
            String[] f = entry.get();
            matchedName = f[0];
            uid = parseId(f[2]);
            gid = parseId(f[3]);
            home = f.length > 5 && !f[5].isEmpty() ? f[5] : "/";
        } else if (numericUid.isPresent()) {
            uid = checkRange(numericUid.get());
        } else {
            throw new InvalidArgumentException("unable to find user " + userArg
                    + ": no matching entries in passwd file");
        }

        List<Long> additional = new ArrayList<>();
        if (!groupArg.isEmpty()) {
            Optional<Long> numericGid = numeric(groupArg);
            Optional<String[]> g = group.flatMap(text -> findGroup(text, groupArg, numericGid));
            if (g.isPresent()) {
                gid = parseId(g.get()[2]);
            } else if (numericGid.isPresent()) {
                gid = checkRange(numericGid.get());
            } else {
                throw new InvalidArgumentException("unable to find group " + groupArg
                        + ": no matching entries in group file");
            }
        } else if (matchedName != null && group.isPresent()) {
            for (String[] g : entries(group.get(), 3)) {
                if (g.length > 3 && List.of(g[3].split(",")).contains(matchedName)) {
                    additional.add(parseId(g[2]));
                }
            }
        }
        return new ResolvedUser(uid, gid, additional, home);
    }

    /**
     * {@code --group-add} values (names or ids) as gids, from the rootfs's /etc/group: a name
     * must be there, an id need not (runc's GetAdditionalGroups).
     */
    public static List<Long> groups(List<String> groups, Path rootfs) {
        if (groups == null || groups.isEmpty()) {
            return List.of();
        }
        return groups(groups, read(rootfs, "/etc/group"));
    }

    /** {@link #groups(List, Path)} against the given /etc/group content (empty: no such file). */
    public static List<Long> groups(List<String> groups, Optional<String> group) {
        List<Long> gids = new ArrayList<>();
        for (String g : groups) {
            Optional<Long> numeric = numeric(g);
            Optional<String[]> entry = group.flatMap(text -> findGroup(text, g, numeric));
            if (entry.isPresent()) {
                gids.add(parseId(entry.get()[2]));
            } else if (numeric.isPresent()) {
                gids.add(checkRange(numeric.get()));
            } else {
                throw new InvalidArgumentException("unable to find group " + g + ": no matching entries in group file");
            }
        }
        return gids;
    }

    private static Optional<String[]> findPasswd(String text, String userArg, Optional<Long> numericUid) {
        for (String[] f : entries(text, 4)) {
            boolean byName = !userArg.isEmpty() && f[0].equals(userArg);
            boolean byId = numericUid.isPresent() && idEquals(f[2], numericUid.get());
            if (byName || byId) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> findGroup(String text, String groupArg, Optional<Long> numericGid) {
        for (String[] f : entries(text, 3)) {
            if (f[0].equals(groupArg) || (numericGid.isPresent() && idEquals(f[2], numericGid.get()))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    // Lines with fewer than `minFields` fields or a non-numeric id are skipped, as libc does.
    private static List<String[]> entries(String text, int minFields) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split(":", -1);
            if (f.length >= minFields && numeric(f[2]).isPresent()) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean idEquals(String field, long id) {
        return numeric(field).map(v -> v == id).orElse(false);
    }

    private static Optional<Long> numeric(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private static long parseId(String s) {
        return checkRange(numeric(s).orElse(0L));
    }

    private static long checkRange(long id) {
        if (id > MAX_ID) {
            throw new InvalidArgumentException("uids and gids must be in range 0-" + MAX_ID);
        }
        return id;
    }

    private static Optional<String> read(Path rootfs, String file) {
        Optional<Path> p = RootfsPath.resolve(rootfs, file);
        if (p.isEmpty() || !Files.isRegularFile(p.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " in the container's rootfs", e);
        }
    }
}
