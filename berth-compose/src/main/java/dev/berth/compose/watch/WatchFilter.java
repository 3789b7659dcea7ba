package dev.berth.compose.watch;

import dev.berth.api.build.DockerIgnore;
import dev.berth.compose.model.WatchRule;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which changed host paths one watch rule takes: those at or under its path that no
 * {@code ignore} pattern (relative to the rule's path) and no pattern of the build context's
 * .dockerignore (relative to the context) excludes, that an {@code include} pattern matches when
 * the rule has any, and that are not editors' temporary files or inside a {@code .git}
 * directory, which compose always skips. Pure: it reads no file.
 */
public final class WatchFilter {

    /** Vim's swap and backup files and its write test "4913", Emacs' lock and autosave files, JetBrains' temp files. */
    private static final List<Pattern> EPHEMERAL = List.of(
            Pattern.compile(".*\\.sw[a-px]"), Pattern.compile(".*~"), Pattern.compile("4913"),
            Pattern.compile("\\.#.*"), Pattern.compile("#.*#"), Pattern.compile(".*___jb_(tmp|old)___"));

    private final WatchRule rule;
    private final DockerIgnore ignore;
    private final DockerIgnore include;
    private final Path context;
    private final DockerIgnore contextIgnore;

    /**
     * @param context       the service's build context directory, or null
     * @param contextIgnore the context's .dockerignore patterns ({@link DockerIgnore#none()} without one)
     */
    public WatchFilter(WatchRule rule, Path context, DockerIgnore contextIgnore) {
        this.rule = rule;
        this.ignore = DockerIgnore.parse(String.join("\n", rule.ignore()));
        this.include = DockerIgnore.parse(String.join("\n", rule.include()));
        this.context = context;
        this.contextIgnore = contextIgnore;
    }

    public WatchRule rule() {
        return rule;
    }

    /** Whether a change of {@code changed} (absolute) triggers this rule. */
    public boolean accepts(Path changed) {
        Path path = changed.normalize();
        if (!path.startsWith(rule.path())) {
            return false;
        }
        for (Path part : path) {
            if (part.toString().equals(".git")) {
                return false;
            }
        }
        if (path.getFileName() != null && ephemeral(path.getFileName().toString())) {
            return false;
        }
        String relative = slashes(rule.path().relativize(path));
        if (!relative.isEmpty()) {
            if (ignore.excludes(relative)) {
                return false;
            }
            if (!include.isEmpty() && !include.excludes(relative)) {
                return false;
            }
        }
        if (context != null && path.startsWith(context) && !path.equals(context)) {
            return !contextIgnore.excludes(slashes(context.relativize(path)));
        }
        return true;
    }

    /** Where {@code changed} lands in the container: the target joined with its path below the rule's path. */
    public String containerPath(Path changed) {
        String relative = slashes(rule.path().relativize(changed.normalize()));
        String target = rule.target().endsWith("/") && rule.target().length() > 1
                ? rule.target().substring(0, rule.target().length() - 1) : rule.target();
        return relative.isEmpty() ? target : target.equals("/") ? "/" + relative : target + "/" + relative;
    }

    static boolean ephemeral(String name) {
        return EPHEMERAL.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
