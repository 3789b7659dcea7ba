package dev.berth.compose.loader;

import dev.berth.compose.model.Develop;
import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchExec;
import dev.berth.compose.model.WatchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's canonical {@code develop} section into {@link Develop}, checking what the
 * schema cannot: every rule has a path and an action, the sync actions a target, and
 * {@code sync+exec} an {@code exec.command}. Errors name the rule's key path.
 */
final class WatchRules {
    private WatchRules() {}

    /** The section of service {@code name}, or null when it has none. */
    static Develop develop(String name, Fields develop, String file) {
        if (develop == null) {
            return null;
        }
        List<WatchRule> rules = new ArrayList<>();
        List<Fields> watch = develop.list("watch");
        for (int i = 0; i < watch.size(); i++) {
            rules.add(rule(watch.get(i), file, "services." + name + ".develop.watch[" + i + "]"));
        }
        return new Develop(rules);
    }

    private static WatchRule rule(Fields w, String file, String at) {
        for (String key : List.of("path", "action")) {
            if (!w.has(key)) {
                throw new ComposeFileException(file, at + "." + key, "is required");
            }
        }
        WatchAction action = WatchAction.fromWireName(w.string("action"));
        if (action.syncs() && (w.string("target") == null || w.string("target").isBlank())) {
            throw new ComposeFileException(file, at + ".target", "is required for action " + action.wireName());
        }
        if (action.syncs() && !w.string("target").startsWith("/")) {
            throw new ComposeFileException(file, at + ".target", "must be an absolute path in the container, not \""
                    + w.string("target") + "\"");
        }
        WatchExec exec = null;
        Fields e = w.fields("exec");
        if (action == WatchAction.SYNC_EXEC) {
            if (e == null || e.stringsOrNull("command") == null || e.strings("command").isEmpty()) {
                throw new ComposeFileException(file, at + ".exec.command", "is required for action sync+exec");
            }
            exec = new WatchExec(e.strings("command"), e.string("user"), e.bool("privileged", false),
                    e.string("working_dir"), e.stringMap("environment"));
        }
        return new WatchRule(action, Path.of(w.string("path")), action.syncs() ? w.string("target") : null,
                w.strings("ignore"), w.strings("include"), exec, w.bool("initial_sync", false));
    }
}
