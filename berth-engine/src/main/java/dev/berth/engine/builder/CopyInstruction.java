package dev.berth.engine.builder;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.layers.Layer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One COPY or ADD step, a layer without a container: expands its arguments, finds its source
 * tree (the context, an earlier stage, an image, downloaded URLs or its here-documents), keys
 * the cache on the sources' content, and on a miss writes the layer through {@link CopyStep}.
 */
final class CopyInstruction {

    /**
     * Where a step's sources are read: {@code names} are the sources as found under
     * {@code root}; {@code fromId} the image of {@code --from} (part of the cache key), or
     * empty. Closing it unmounts or deletes what the step made to read them.
     */
    private record SourceTree(Path root, boolean fromContext, String fromId, boolean unpack, List<String> names,
                              AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    private final BuildSession s;
    private final StagePlan.Stage stage;
    private final StageImage image;

    CopyInstruction(BuildSession session, StagePlan.Stage stage, StageImage image) {
        this.s = session;
        this.stage = stage;
        this.image = image;
    }

    /** {@code env}: what the instruction's words expand with. */
    void apply(Instruction.Copy c, Map<String, String> env) throws Exception {
        String keyword = c.keyword();
        List<String> sources = new ArrayList<>();
        for (String raw : c.sources()) {
            sources.add(raw.startsWith("<<") ? raw : s.lex.processWord(raw, env));
        }
        long urls = sources.stream().filter(RemoteSources::isUrl).count();
        if (urls > 0 && !c.add()) {
            throw s.error(c, "source can't be a URL for COPY");
        }
        if (urls > 0 && urls < sources.size()) {
            throw new NotImplementedException("ADD of URLs and context paths in one instruction is not supported;"
                    + " split it into two ADDs");
        }
        String checksum = flag(c, "checksum", env);
        String dest = destination(c, env);
        String chown = flag(c, "chown", env);
        Integer chmod = chmod(c, env);
        String from = flag(c, "from", env);

        try (ImageView destView = s.view(image.id());
             SourceTree tree = sourceTree(c, sources, urls > 0, checksum, from, env)) {
            Ownership owner = chown == null ? null : Ownership.resolve(chown, destView.root());
            CopyStep step = new CopyStep(keyword, tree.unpack(), tree.root(),
                    tree.fromContext() ? s.ignore : DockerIgnore.none(), tree.fromContext(),
                    owner == null ? null : owner.uid(), owner == null ? null : owner.gid(), chmod);
            List<Path> paths = step.sources(tree.names());
            String digest = step.digest(paths);
            String createdBy = "/bin/sh -c #(nop) " + keyword + " " + (paths.size() == 1
                    && Files.isDirectory(paths.getFirst()) ? "dir:" : "file:") + digest.substring(7) + " in "
                    + dest + " ";
            String key = keyword + " from=" + tree.fromId() + " chown=" + chown + " chmod=" + c.flags().get("chmod")
                    + " " + tree.names() + " " + dest;
            image.advance(new StepCache.Step(key, digest, createdBy, image.runConfig()), () -> {
                Path staging = Files.createTempDirectory(s.tmpDir, "copy-");
                try {
                    step.write(paths, dest, staging, destView.root());
                    Layer layer = new LayerCommitter(s.layers, s.tmpDir,
                            Timestamps.sourceDateEpoch(s.request.buildArgs())).commit(image.topLayer(), staging);
                    return image.child(image.runConfig(), layer.diffId(), createdBy);
                } finally {
                    Trees.delete(staging);
                }
            });
        }
    }

    private String flag(Instruction.Copy c, String name, Map<String, String> env) {
        return c.flags().containsKey(name) ? s.lex.processWord(c.flags().get(name), env) : null;
    }

    /** The destination, absolute (a relative one is under WORKDIR); a trailing "/." means the directory. */
    private String destination(Instruction.Copy c, Map<String, String> env) {
        String dest = s.lex.processWord(c.dest(), env);
        if (!dest.startsWith("/")) {
            String workdir = image.runConfig() == null || image.runConfig().workingDir() == null
                    || image.runConfig().workingDir().isEmpty() ? "/" : image.runConfig().workingDir();
            dest = (workdir.endsWith("/") ? workdir : workdir + "/") + dest;
        }
        if (dest.endsWith("/.") || dest.equals(".")) {
            dest = dest.substring(0, dest.length() - 1);
        }
        return dest;
    }

    private Integer chmod(Instruction.Copy c, Map<String, String> env) {
        if (!c.flags().containsKey("chmod")) {
            return null;
        }
        String mode = s.lex.processWord(c.flags().get("chmod"), env);
        if (!mode.matches("[0-7]{3,4}")) {
            throw s.error(c, "invalid chmod parameter: " + mode + " (only octal modes are supported)");
        }
        return Integer.parseInt(mode, 8);
    }

    private SourceTree sourceTree(Instruction.Copy c, List<String> sources, boolean urls, String checksum,
            String from, Map<String, String> env) throws Exception {
        if (urls) {
            Path dir = Files.createTempDirectory(s.tmpDir, "remote-");
            try {
                List<String> names = new ArrayList<>(RemoteSources.download(sources, dir, checksum));
                // a downloaded archive stays a file, as Docker leaves it
                return new SourceTree(dir, false, "", false, names, () -> Trees.delete(dir));
            } catch (Exception | Error e) {
                Trees.delete(dir);
                throw e;
            }
        }
        if (!c.heredocs().isEmpty()) {
            Path dir = Files.createTempDirectory(s.tmpDir, "heredoc-");
            try {
                for (Instruction.Heredoc h : c.heredocs()) {
                    Path f = dir.resolve(h.name());
                    String content = h.expand() ? heredoc(c, h, env) : h.content();
                    Files.writeString(f, content, StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                }
                List<String> names = new ArrayList<>(sources);
                names.replaceAll(src -> src.startsWith("<<") ? src.replaceAll("^<<-?[\"']?|[\"']?$", "") : src);
                return new SourceTree(dir, false, "", c.add(), names, () -> Trees.delete(dir));
            } catch (Exception | Error e) {
                Trees.delete(dir);
                throw e;
            }
        }
        if (from != null) {
            ImageId source = s.fromImage(stage, c, from);
            ImageView view = s.view(source);
            return new SourceTree(view.root(), false, source.toString(), c.add(), sources, view);
        }
        return new SourceTree(s.request.context(), true, "", c.add(), sources, () -> { });
    }

    /** An unquoted delimiter's body gets the build's variables, as BuildKit expands it. */
    private String heredoc(Instruction.Copy c, Instruction.Heredoc h, Map<String, String> env) {
        try {
            return s.lex.processHeredoc(h.content(), env);
        } catch (IllegalArgumentException e) {
            throw s.error(c, e.getMessage());
        }
    }
}
