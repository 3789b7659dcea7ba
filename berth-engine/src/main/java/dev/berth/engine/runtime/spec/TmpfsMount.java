package dev.berth.engine.runtime.spec;

import java.util.List;

/**
 * A tmpfs mounted in the container ({@code --tmpfs}, {@code --mount type=tmpfs}): empty at
 * every start. {@code options} are mount options as runc/crun take them ("size=64m",
 * "mode=1777", "noexec"...). Like a bind, it replaces a default mount on the same path.
 */
public record TmpfsMount(String destination, List<String> options) {

    public TmpfsMount {
        options = List.copyOf(options);
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("mount destination must be absolute: " + destination);
        }
    }
}
