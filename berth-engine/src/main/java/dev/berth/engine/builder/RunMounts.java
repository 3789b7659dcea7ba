package dev.berth.engine.builder;

import dev.berth.api.build.DockerIgnore;
import dev.berth.engine.builder.StepRunner.StepMount;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.builder.dockerfile.RunMount;
import dev.berth.engine.images.ImageId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The {@code RUN --mount}s of one step. {@link #resolve} expands their words with the step's
 * ARGs and ENVs, finds their {@code from} images and sources, and gives the part of the step's
 * cache key they make: each mount's options, and for a bind of the build context the digest of
 * the bound files (a changed file re-runs the step, as in BuildKit); a {@code from} image is
 * immutable, so its ID is enough; a cache mount's content never counts. {@link #open} makes them
 * ready on the host, only on a cache miss: the context itself (read-only) or an overlay over it
 * ({@code rw}, whose writes are thrown away), an image's overlay view, a held cache directory
 * ({@link CacheMounts}), or a tmpfs. Secrets and SSH agents cannot reach the classic
 * {@code /build} API, so such a mount is nothing, or an error when it is {@code required}.
 */
final class RunMounts {

    /** One mount with its words expanded: {@code target} absolute, {@code source} relative to its root. */
    private record Resolved(RunMount mount, String target, String id, ImageId from, String source) {
    }

    /** The host side of a step's mounts; closing it releases the caches and unmounts the views. */
    static final class Opened implements AutoCloseable {
        private final List<StepMount> mounts = new ArrayList<>();
        private final Deque<AutoCloseable> held = new ArrayDeque<>();

        List<StepMount> mounts() {
            return mounts;
        }

        @Override
        public void close() throws Exception {
            Exception first = null;
            while (!held.isEmpty()) {
                try {
                    held.pop().close();
                } catch (Exception e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private final BuildSession s;
    private final Instruction.Run at;
    private final List<Resolved> mounts;

    private RunMounts(BuildSession s, Instruction.Run at, List<Resolved> mounts) {
        this.s = s;
        this.at = at;
        this.mounts = mounts;
    }

    /** {@code env}: what the mounts' words expand with; {@code workdir}: where a relative target is. */
    static RunMounts resolve(BuildSession s, StagePlan.Stage stage, Instruction.Run r, Map<String, String> env,
            String workdir) {
        List<Resolved> out = new ArrayList<>();
        for (RunMount m : r.flags().mounts()) {
            String target = m.target() == null ? null : s.lex.processWord(m.target(), env);
            if (target != null && !target.startsWith("/")) {
                target = (workdir == null || workdir.isEmpty() ? "/" : workdir) + "/" + target;
            }
            target = target == null ? null : "/" + RootPaths.clean(target);
            String id = m.id() == null ? null : s.lex.processWord(m.id(), env);
            if (m.type() == RunMount.Type.CACHE && m.id() != null && m.id().equals(m.target())) {
                id = target; // the default id is the target as the step sees it
            }
            switch (m.type()) {
                case SECRET -> {
                    if (m.required()) {
                        throw s.error(r, "secret " + id + ": not found (the classic /build API carries no"
                                + " secrets)");
                    }
                    continue;
                }
                case SSH -> {
                    if (m.required()) {
                        throw s.error(r, "no SSH key \"" + id + "\" forwarded from the client (the classic"
                                + " /build API carries no SSH agent)");
                    }
                    continue;
                }
                default -> {
                }
            }
            ImageId from = m.from() == null ? null : s.fromImage(stage, r, s.lex.processWord(m.from(), env));
            String source = RootPaths.clean(m.source() == null ? "." : s.lex.processWord(m.source(), env));
            out.add(new Resolved(m, target, id, from, source));
        }
        return new RunMounts(s, r, List.copyOf(out));
    }

    boolean isEmpty() {
        return mounts.isEmpty();
    }

    /** What the mounts add to the step's cache key; empty when there are none. */
    String key() throws IOException {
        StringBuilder key = new StringBuilder();
        for (Resolved r : mounts) {
            RunMount m = r.mount();
            key.append(" --mount=type=").append(m.type().name().toLowerCase()).append(",target=").append(r.target());
            switch (m.type()) {
                case BIND -> {
                    key.append(",ro=").append(m.readOnly());
                    if (r.from() != null) {
                        key.append(",from=").append(r.from()).append(",source=").append(r.source());
                    } else {
                        Path root = s.request.context();
                        Path bound = imageSource(root, r);
                        key.append(",context=").append(new CopyStep("RUN", false, root, DockerIgnore.none(), true,
                                null, null, null).digest(List.of(bound)));
                    }
                }
                case CACHE -> key.append(",id=").append(r.id()).append(",sharing=").append(m.sharing())
                        .append(",ro=").append(m.readOnly()).append(",mode=").append(m.mode())
                        .append(",uid=").append(m.uid()).append(",gid=").append(m.gid())
                        .append(r.from() == null ? "" : ",from=" + r.from() + ",source=" + r.source());
                case TMPFS -> key.append(",size=").append(m.size());
                default -> {
                }
            }
        }
        return key.toString();
    }

    /** Makes the mounts ready on the host; on failure what was made is released again. */
    Opened open() throws Exception {
        Opened opened = new Opened();
        try {
            for (Resolved r : mounts) {
                opened.mounts.add(open(r, opened.held));
            }
            return opened;
        } catch (Exception | Error e) {
            opened.close();
            throw e;
        }
    }

    private StepMount open(Resolved r, Deque<AutoCloseable> held) throws Exception {
        RunMount m = r.mount();
        return switch (m.type()) {
            case TMPFS -> new StepMount(null, r.target(), false, m.size());
            case BIND -> {
                if (r.from() == null && m.readOnly()) {
                    yield new StepMount(imageSource(s.request.context(), r), r.target(), true, null);
                }
                // an overlay with a throw-away upper directory: rw writes land there and go with it
                ImageView view = r.from() == null ? ImageView.open(s.snapshotter, List.of(s.request.context()),
                        s.tmpDir) : s.view(r.from());
                held.push(view);
                yield new StepMount(imageSource(view.root(), r), r.target(), m.readOnly(), null);
            }
            case CACHE -> {
                Path seed = null;
                if (r.from() != null) {
                    ImageView view = s.view(r.from());
                    held.push(view);
                    seed = imageSource(view.root(), r);
                }
                CacheMounts.Lease lease = s.cacheMounts.acquire(r.id(), m.sharing(), new CacheMounts.Seed(
                        m.mode() == null ? 0755 : m.mode(), m.uid() == null ? 0 : m.uid(),
                        m.gid() == null ? 0 : m.gid(), seed));
                held.push(lease);
                yield new StepMount(lease.dir(), r.target(), m.readOnly(), null);
            }
            case SECRET, SSH -> throw new IllegalStateException("not resolved: " + m.type());
        };
    }

    /** The source below {@code root} (the context or an image's), its links followed without leaving it. */
    private Path imageSource(Path root, Resolved r) throws IOException {
        Path p = RootPaths.at(root, RootPaths.followInRoot(root, r.source()));
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw s.error(at, "mount source \"" + r.source() + "\" not found in "
                    + (r.from() == null ? "the build context" : r.from().shortId()));
        }
        return p;
    }
}
