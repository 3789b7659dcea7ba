package dev.berth.engine.builder;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.images.Image;
import dev.berth.engine.images.ImageId;
import dev.berth.engine.layers.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One COPY or ADD step: expands its arguments, finds its source tree (the context, an earlier
 * stage, an image, or its here-documents), keys the cache on the sources' content, and on a
 * miss writes the layer through {@link CopyStep}.
 */
final class CopyInstruction {

    private final BuildSession s;
    private final StagePlan.Stage stage;
    private final StageRun run;

    CopyInstruction(BuildSession session, StagePlan.Stage stage, StageRun run) {
        this.s = session;
        this.stage = stage;
        this.run = run;
    }

    void apply(Instruction.Copy c, Map<String, String> env) throws Exception {
        String keyword = c.keyword();
        List<String> sources = new ArrayList<>();
        for (String raw : c.sources()) {
            sources.add(raw.startsWith("<<") ? raw : s.lex.processWord(raw, env));
        }
        long urls = sources.stream().filter(RemoteSources::isUrl).count();
        if (urls > 0 && !c.add()) {
            throw run.error(c, "source can't be a URL for COPY");
        }
        if (urls > 0 && urls < sources.size()) {
            throw new NotImplementedException("ADD of URLs and context paths in one instruction is not supported;"
                    + " split it into two ADDs");
        }
        String checksum = c.flags().containsKey("checksum") ? s.lex.processWord(c.flags().get("checksum"), env) : null;
        String dest = s.lex.processWord(c.dest(), env);
        if (!dest.startsWith("/")) {
            String workdir = run.config().config() == null || run.config().config().workingDir() == null
                    || run.config().config().workingDir().isEmpty() ? "/" : run.config().config().workingDir();
            dest = (workdir.endsWith("/") ? workdir : workdir + "/") + dest;
        }
        if (dest.endsWith("/.") || dest.equals(".")) {
            dest = dest.substring(0, dest.length() - 1);
        }
        String chown = c.flags().containsKey("chown") ? s.lex.processWord(c.flags().get("chown"), env) : null;
        Integer chmod = null;
        if (c.flags().containsKey("chmod")) {
            String mode = s.lex.processWord(c.flags().get("chmod"), env);
            if (!mode.matches("[0-7]{3,4}")) {
                throw run.error(c, "invalid chmod parameter: " + mode + " (only octal modes are supported)");
            }
            chmod = Integer.parseInt(mode, 8);
        }
        String from = c.flags().containsKey("from") ? s.lex.processWord(c.flags().get("from"), env) : null;

        Path scratchSources = null;
        ImageView fromView = null;
        try (ImageView destView = view(run.imageId())) {
            Path srcRoot;
            boolean fromContext;
            String fromId = "";
            boolean unpack = c.add();
            if (urls > 0) {
                scratchSources = Files.createTempDirectory(s.tmpDir, "remote-");
                List<String> names = RemoteSources.download(sources, scratchSources, checksum);
                sources.clear();
                sources.addAll(names);
                srcRoot = scratchSources;
                fromContext = false;
                unpack = false; // a downloaded archive stays a file, as Docker leaves it
            } else if (!c.heredocs().isEmpty()) {
                scratchSources = Files.createTempDirectory(s.tmpDir, "heredoc-");
                for (Instruction.Heredoc h : c.heredocs()) {
                    Path f = scratchSources.resolve(h.name());
                    String content = h.expand() ? heredoc(c, h, env) : h.content();
                    Files.writeString(f, content, StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                sources.replaceAll(src -> src.startsWith("<<") ? src.replaceAll("^<<-?[\"']?|[\"']?$", "") : src);
                srcRoot = scratchSources;
                fromContext = false;
            } else if (from != null) {
                ImageId source = sourceImage(c, from);
                fromId = source.toString();
                fromView = view(source);
                srcRoot = fromView.root();
                fromContext = false;
            } else {
                srcRoot = s.request.context();
                fromContext = true;
            }
            Ownership owner = chown == null ? null : Ownership.resolve(chown, destView.root());
            CopyStep step = new CopyStep(keyword, unpack, srcRoot, fromContext ? s.ignore : DockerIgnore.none(),
                    fromContext, owner == null ? null : owner.uid(), owner == null ? null : owner.gid(), chmod);
            List<Path> paths = step.sources(sources);
            String digest = step.digest(paths);
            String finalDest = dest;
            String createdBy = "/bin/sh -c #(nop) " + keyword + " " + (paths.size() == 1
                    && Files.isDirectory(paths.getFirst()) ? "dir:" : "file:") + digest.substring(7) + " in "
                    + finalDest + " ";
            String key = keyword + " from=" + fromId + " chown=" + chown + " chmod=" + c.flags().get("chmod") + " "
                    + sources + " " + finalDest;
            run.cached(key, digest, createdBy, run.config().config(), () -> {
                Path staging = Files.createTempDirectory(s.tmpDir, "copy-");
                try {
                    step.write(paths, finalDest, staging, destView.root());
                    Layer layer = new LayerCommitter(s.layers, s.tmpDir,
                            Timestamps.sourceDateEpoch(s.request.buildArgs())).commit(run.topLayer(), staging);
                    return run.newImage(run.config().config(), layer.diffId(), createdBy);
                } finally {
                    Trees.delete(staging);
                }
            });
        } finally {
            if (fromView != null) {
                fromView.close();
            }
            if (scratchSources != null) {
                Trees.delete(scratchSources);
            }
        }
    }

    /** An unquoted delimiter's body gets the build's variables, as BuildKit expands it. */
    private String heredoc(Instruction.Copy c, Instruction.Heredoc h, Map<String, String> env) {
        try {
            return s.lex.processHeredoc(h.content(), env);
        } catch (IllegalArgumentException e) {
            throw run.error(c, e.getMessage());
        }
    }

    private ImageId sourceImage(Instruction.Copy c, String from) {
        Optional<StagePlan.Stage> earlier = s.plan.find(from);
        if (earlier.isPresent()) {
            if (earlier.get().index() >= stage.index()) {
                throw run.error(c, "invalid from flag value " + from + ": refers to current or later build stage");
            }
            return s.builtStage(earlier.get());
        }
        Image image = s.images.find(from).orElseThrow(() -> new NotFoundException("No such image: " + from
                + " (berth cannot pull from registries yet)"));
        return image.id();
    }

    private ImageView view(ImageId id) throws IOException {
        if (id == null) {
            return ImageView.open(s.snapshotter, List.of(), s.tmpDir);
        }
        Image image = s.images.get(id.toString());
        List<Path> lowers = image.topLayer() == null ? List.of() : s.layers.lowerDirs(image.topLayer());
        return ImageView.open(s.snapshotter, lowers, s.tmpDir);
    }
}
