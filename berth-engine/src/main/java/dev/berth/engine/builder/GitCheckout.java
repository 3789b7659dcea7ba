package dev.berth.engine.builder;

import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.SystemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Git build context, checked out with the host's {@code git} as dockerd does: a fresh
 * repository fetches only the ref ({@code --depth 1} unless an HTTP server speaks only the dumb
 * protocol), checks it out (or {@code FETCH_HEAD}, for a commit or tag that is no branch), and
 * updates submodules recursively, also shallow. Git runs with the system's and the user's
 * configuration ignored, no prompts, and {@code file://} refused as a submodule transport, so a
 * repository cannot reach into the daemon's filesystem. A failing step is a SystemException
 * with git's own output.
 */
final class GitCheckout {

    private static final Duration GIT_TIMEOUT = Duration.ofMinutes(10);

    private GitCheckout() {
    }

    /**
     * The repository, ref and subdirectory of a Git URL: {@code #ref:subdir} is cut off ({@code master} when no
     * ref is given), and a URL without a Git transport ({@code github.com/...}) gets {@code https://}.
     */
    static RemoteContext.Git parse(String url) {
        if (!url.startsWith("git@") && !hasGitScheme(url)) {
            url = "https://" + url;
        }
        int hash = url.indexOf('#');
        String repository = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        int colon = fragment.indexOf(':');
        String ref = colon < 0 ? fragment : fragment.substring(0, colon);
        String subdirectory = colon < 0 ? "" : fragment.substring(colon + 1);
        if (ref.isEmpty()) {
            ref = "master";
        }
        if (ref.startsWith("-")) {
            throw new InvalidArgumentException("invalid refspec: " + ref);
        }
        return new RemoteContext.Git(repository, ref, subdirectory);
    }

    private static boolean hasGitScheme(String url) {
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        return List.of("git", "http", "https", "ssh").contains(scheme);
    }

    /** Clones {@code git} into a new directory below {@code tmpDir}; the context is its subdirectory. */
    static RemoteContext.Fetched checkout(RemoteContext.Git git, Path tmpDir) throws IOException {
        Path root = Files.createTempDirectory(tmpDir, "git-");
        try {
            run(root, "failed to init repo at " + root, "init", "-q");
            run(root, "failed add origin repo at " + git.repository(), "remote", "add", "origin", git.repository());
            List<String> fetch = new ArrayList<>(List.of("fetch"));
            if (supportsShallowClone(git.repository())) {
                fetch.addAll(List.of("--depth", "1"));
            }
            fetch.addAll(List.of("origin", "--", git.ref()));
            run(root, "error fetching", fetch.toArray(String[]::new));
            try {
                run(root, "error checking out " + git.ref(), "checkout", "-q", git.ref());
            } catch (SystemException e) {
                try {
                    run(root, "error checking out FETCH_HEAD", "checkout", "-q", "FETCH_HEAD");
                } catch (SystemException ignored) {
                    throw e; // the ref's own failure says more
                }
            }
            run(root, "error initializing submodules", "submodule", "update", "--init", "--recursive", "--depth=1");
            return new RemoteContext.Fetched(root, subdirectory(root, git.subdirectory()), null);
        } catch (IOException | RuntimeException e) {
            Trees.delete(root);
            throw e;
        }
    }

    /** The context below the checkout: it must stay inside it, links followed, and be a directory. */
    private static Path subdirectory(Path root, String subdirectory) throws IOException {
        if (subdirectory.isEmpty()) {
            return root;
        }
        String clean = RootPaths.clean(subdirectory);
        Path real = root.toRealPath();
        Path dir = null;
        if (!clean.equals("..") && !clean.startsWith("../")) {
            try {
                dir = real.resolve(clean).toRealPath();
            } catch (NoSuchFileException e) {
                throw new InvalidArgumentException("error setting git context, " + subdirectory
                        + ": no such file or directory");
            }
        }
        if (dir == null || !dir.startsWith(real)) {
            throw new InvalidArgumentException("error setting git context, \"" + subdirectory
                    + "\" not within git root");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidArgumentException("error setting git context, not a directory: " + subdirectory);
        }
        return dir;
    }

    /**
     * Whether the server lets a fetch be shallow: every transport but HTTP does; an HTTP server only when it
     * speaks the smart protocol, which its {@code info/refs} answer's content type shows.
     */
    private static boolean supportsShallowClone(String repository) {
        if (!repository.startsWith("http://") && !repository.startsWith("https://")) {
            return true;
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<Void> res = http.send(HttpRequest.newBuilder(
                    URI.create(repository + "/info/refs?service=git-upload-pack")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return res.statusCode() == 200 && res.headers().firstValue("Content-Type")
                    .orElse("").equals("application/x-git-upload-pack-advertisement");
        } catch (IOException | IllegalArgumentException e) {
            return false; // the fetch itself will say what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code git args} in {@code dir}; a failure is {@code what: <git's output>}. */
    private static void run(Path dir, String what, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "protocol.file.allow=never"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_PROTOCOL_FROM_USER", "0");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        Process git;
        try {
            git = pb.start();
        } catch (IOException e) {
            throw new SystemException("unable to find 'git': " + e.getMessage(), e);
        }
        git.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = git.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // git is gone; its exit code tells
            }
        });
        try {
            if (!git.waitFor(GIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new SystemException(what + ": git " + args[0] + " did not finish in " + GIT_TIMEOUT);
            }
            reader.join();
            if (git.exitValue() != 0) {
                throw new SystemException(what + ": " + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            git.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git " + args[0], e);
        }
    }
}
