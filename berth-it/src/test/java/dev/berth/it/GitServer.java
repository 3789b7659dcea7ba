package dev.berth.it;

import dev.berth.testkit.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Git repositories served on 127.0.0.1 by {@code git daemon} (git:// URLs), for builds from Git
 * contexts without a network. {@link #close()} kills the daemon by its PID.
 */
final class GitServer implements AutoCloseable {

    private final Path base;
    private final Process daemon;
    private final int port;

    private GitServer(Path base, Process daemon, int port) {
        this.base = base;
        this.daemon = daemon;
        this.port = port;
    }

    /** Serves the repositories below {@code base} (each a directory with a {@code .git}). */
    static GitServer start(Path base) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process daemon = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr", "--base-path=" + base,
                "--listen=127.0.0.1", "--port=" + port, base.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        GitServer server = new GitServer(base, daemon, port);
        Await.until("git daemon listening on " + port, Duration.ofSeconds(10), server::listening);
        return server;
    }

    private boolean listening() {
        if (!daemon.isAlive()) {
            throw new IllegalStateException("git daemon exited with " + daemon.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The git:// URL of repository {@code name}. */
    String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    /** A new repository {@code name} below the base, its default branch {@code master}. */
    Repo create(String name) throws IOException {
        Path dir = base.resolve(name);
        Files.createDirectories(dir);
        Repo repo = new Repo(dir);
        repo.git("init", "-q", "-b", "master");
        return repo;
    }

    /** A repository's work tree, written to and committed with plain git. */
    record Repo(Path dir) {

        Repo write(String path, String content) throws IOException {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        }

        /** Runs git in the work tree (as a fixed author); fails on a non-zero exit. */
        Repo git(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=it", "-c", "user.email=it@berth",
                    "-c", "commit.gpgsign=false"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("git " + String.join(" ", args) + " failed: " + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return this;
        }

        Repo commitAll(String message) throws IOException {
            return git("add", "-A").git("commit", "-q", "-m", message);
        }
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly().waitFor();
        }
    }
}
