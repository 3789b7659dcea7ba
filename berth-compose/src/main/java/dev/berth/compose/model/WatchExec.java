package dev.berth.compose.model;

import java.util.List;
import java.util.Map;

/**
 * The command a {@code sync+exec} watch rule runs in each container after syncing.
 *
 * @param command     the command, exec form (the string form split as a shell would)
 * @param user        the user to run it as, or null for the container's
 * @param privileged  run it privileged
 * @param workingDir  its working directory, or null for the container's
 * @param environment variables added to the container's
 */
public record WatchExec(List<String> command, String user, boolean privileged, String workingDir,
        Map<String, String> environment) {

    public WatchExec {
        command = Copies.list(command);
        environment = Copies.map(environment);
    }
}
