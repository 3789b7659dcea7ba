package dev.berth.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link OciRuntime} over the command line that crun and runc share: global
 * {@code --root} and {@code --log}/{@code --log-format json}, then the subcommand. The
 * two differ only in their error wording, which is passed through.
 */
public final class CommandLineRuntime implements OciRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path binary;
    private final Path stateRoot;

    /**
     * @param name      "crun" or "runc"
     * @param binary    the executable
     * @param stateRoot the runtime's {@code --root}, e.g. {@code <exec-root>/runtime/crun}
     */
    public CommandLineRuntime(String name, Path binary, Path stateRoot) {
        this.name = name;
        this.binary = binary;
        this.stateRoot = stateRoot.toAbsolutePath();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path binary() {
        return binary;
    }

    public Path stateRoot() {
        return stateRoot;
    }

    @Override
    public List<String> runCommand(String id, Path bundle, Path pidFile, Path logFile, Optional<Path> consoleSocket) {
        return argv(logFile, withConsole(consoleSocket, "run", "--bundle", bundle.toAbsolutePath().toString(),
                "--pid-file", pidFile.toAbsolutePath().toString(), id));
    }

    @Override
    public List<String> execCommand(String id, Path processJson, Path pidFile, Path logFile,
                                    Optional<Path> consoleSocket) {
        return argv(logFile, withConsole(consoleSocket, "exec", "--process", processJson.toAbsolutePath().toString(),
                "--pid-file", pidFile.toAbsolutePath().toString(), id));
    }

    // crun 1.8.1 sends the master in the foreground too; runc: "cannot use console socket if runc will not detach"
    @Override
    public boolean consoleSocketInForeground() {
        return name.equals("crun");
    }

    // the subcommand's options, then --console-socket, then the id
    private static String[] withConsole(Optional<Path> consoleSocket, String... subcommand) {
        if (consoleSocket.isEmpty()) {
            return subcommand;
        }
        List<String> args = new ArrayList<>(Arrays.asList(subcommand));
        args.addAll(args.size() - 1, List.of("--console-socket", consoleSocket.get().toAbsolutePath().toString()));
        return args.toArray(String[]::new);
    }

    @Override
    public Optional<ContainerState> state(String id) {
        CommandResult r = CommandResult.run(argv(null, "state", id), TIMEOUT);
        if (!r.ok()) {
            if (!knows(id)) {
                return Optional.empty();
            }
            throw failure("state", id, r);
        }
        try {
            JsonNode s = JSON.readTree(r.stdout());
            return Optional.of(new ContainerState(s.path("id").asText(id), s.path("status").asText(),
                    s.path("pid").asLong(0), s.path("bundle").asText("")));
        } catch (IOException e) {
            throw new SystemException(name + " state " + id + " printed invalid JSON: " + r.stdout(), e);
        }
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        List<String> args = new ArrayList<>(List.of("kill"));
        if (all) {
            args.add("--all");
        }
        args.add(id);
        args.add(Integer.toString(signal));
        CommandResult r = CommandResult.run(argv(null, args.toArray(String[]::new)), TIMEOUT);
        if (!r.ok()) {
            if (!knows(id)) {
                throw new NotFoundException("No such container: " + id);
            }
            throw failure("kill", id, r);
        }
    }

    @Override
    public void delete(String id, boolean force) {
        CommandResult r = CommandResult.run(force ? argv(null, "delete", "--force", id) : argv(null, "delete", id),
                TIMEOUT);
        if (!r.ok() && knows(id)) {
            throw failure("delete", id, r);
        }
    }

    @Override
    public void update(String id, Path resources) {
        CommandResult r = CommandResult.run(argv(null, "update", "--resources", resources.toString(), id), TIMEOUT);
        if (!r.ok()) {
            throw failure("update", id, r);
        }
    }

    @Override
    public void pause(String id) {
        simple("pause", id);
    }

    @Override
    public void resume(String id) {
        simple("resume", id);
    }

    @Override
    public List<Long> pids(String id) {
        CommandResult r = CommandResult.run(argv(null, "ps", "--format", "json", id), TIMEOUT);
        if (!r.ok()) {
            if (!knows(id)) {
                throw new NotFoundException("No such container: " + id);
            }
            throw failure("ps", id, r);
        }
        try {
            List<Long> pids = new ArrayList<>();
            JsonNode list = JSON.readTree(r.stdout());
            list.forEach(n -> pids.add(n.asLong()));
            return pids;
        } catch (IOException e) {
            throw new SystemException(name + " ps " + id + " printed invalid JSON: " + r.stdout(), e);
        }
    }

    private void simple(String command, String id) {
        CommandResult r = CommandResult.run(argv(null, command, id), TIMEOUT);
        if (!r.ok()) {
            if (!knows(id)) {
                throw new NotFoundException("No such container: " + id);
            }
            throw failure(command, id, r);
        }
    }

    @Override
    public List<String> list() {
        CommandResult r = CommandResult.run(argv(null, "list", "--quiet"), TIMEOUT);
        if (!r.ok()) {
            throw failure("list", "", r);
        }
        return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String version() {
        CommandResult r = CommandResult.run(List.of(binary.toString(), "--version"), TIMEOUT);
        return r.stdout().lines().findFirst().orElse(name).strip();
    }

    // Both keep one directory per container under --root; without it the id is unknown.
    private boolean knows(String id) {
        return Files.isDirectory(stateRoot.resolve(id));
    }

    private List<String> argv(Path logFile, String... subcommand) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--root", stateRoot.toString()));
        if (logFile != null) {
            argv.addAll(List.of("--log", logFile.toAbsolutePath().toString(), "--log-format", "json"));
        }
        argv.addAll(Arrays.asList(subcommand));
        return argv;
    }

    private SystemException failure(String command, String id, CommandResult r) {
        return new SystemException(name + " " + command + " " + id + " failed (exit " + r.exitCode() + "): "
                + r.message());
    }

    @Override
    public String toString() {
        return name + " (" + binary + ", --root " + stateRoot + ")";
    }
}
