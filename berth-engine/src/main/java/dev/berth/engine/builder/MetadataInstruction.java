package dev.berth.engine.builder;

import dev.berth.api.Json;
import dev.berth.api.units.GoDuration;
import dev.berth.engine.builder.dockerfile.Instruction;
import dev.berth.engine.images.ImageConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The instructions that only change the config (ARG, ENV, LABEL, EXPOSE, WORKDIR, USER,
 * VOLUME, STOPSIGNAL, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD, MAINTAINER): each gives an
 * image with the changed run config and a {@code #(nop)} history entry, but no layer. One per
 * stage: it records the stage's ARGs and whether CMD was set (ENTRYPOINT then keeps it).
 */
final class MetadataInstruction {

    private final BuildSession s;
    private final StageImage image;
    private final Map<String, String> args;
    private boolean cmdSet;

    /** {@code args}: the stage's declared ARGs, which ARG writes. */
    MetadataInstruction(BuildSession session, StageImage image, Map<String, String> args) {
        this.s = session;
        this.image = image;
        this.args = args;
    }

    /** {@code env}: what the instruction's words expand with (the stage's ARGs and ENV before it). */
    void apply(Instruction instruction, Map<String, String> env) throws Exception {
        RunConfigEditor e = new RunConfigEditor(image.runConfig());
        switch (instruction) {
            case Instruction.Arg a -> image.advanceConfig("ARG " + arg(a, env), e.build());
            case Instruction.Env en -> image.advanceConfig("ENV " + pairs(en.pairs(), env, e::setEnv), e.build());
            case Instruction.Label l -> image.advanceConfig("LABEL " + pairs(l.pairs(), env, e::addLabel), e.build());
            case Instruction.Expose x -> {
                List<String> ports = new ArrayList<>();
                for (String raw : x.ports()) {
                    for (String p : s.lex.processWords(raw, env)) {
                        String port = p.contains("/") ? p.toLowerCase(Locale.ROOT) : p + "/tcp";
                        if (!port.matches("[0-9]+(-[0-9]+)?/(tcp|udp|sctp)")) {
                            throw s.error(x, "invalid containerPort: " + p);
                        }
                        e.addPort(port);
                        ports.add(port);
                    }
                }
                image.advanceConfig("EXPOSE " + String.join(" ", ports), e.build());
            }
            case Instruction.Workdir w -> {
                String path = s.lex.processWord(w.path(), env);
                String base = e.workingDir == null || e.workingDir.isEmpty() ? "/" : e.workingDir;
                e.workingDir = "/" + RootPaths.clean(path.startsWith("/") ? path : base + "/" + path);
                if (e.workingDir.equals("/.")) {
                    e.workingDir = "/";
                }
                image.advanceConfig("WORKDIR " + e.workingDir, e.build());
            }
            case Instruction.User u -> {
                e.user = s.lex.processWord(u.user(), env);
                image.advanceConfig("USER " + e.user, e.build());
            }
            case Instruction.Volume v -> {
                List<String> paths = new ArrayList<>();
                for (String raw : v.paths()) {
                    String p = s.lex.processWord(raw, env);
                    if (p.isBlank()) {
                        throw s.error(v, "VOLUME specified can not be an empty string");
                    }
                    e.addVolume(p);
                    paths.add(p);
                }
                image.advanceConfig("VOLUME " + paths, e.build());
            }
            case Instruction.StopSignal st -> {
                e.stopSignal = s.lex.processWord(st.signal(), env);
                image.advanceConfig("STOPSIGNAL " + e.stopSignal, e.build());
            }
            case Instruction.Cmd c -> {
                e.cmd = ShellForm.argv(c.command(), e.shell);
                cmdSet = true;
                image.advanceConfig("CMD " + json(e.cmd), e.build());
            }
            case Instruction.Entrypoint en -> {
                e.entrypoint = ShellForm.argv(en.command(), e.shell);
                if (!cmdSet) {
                    e.cmd = null; // the base image's CMD was for its own entrypoint
                }
                image.advanceConfig("ENTRYPOINT " + json(e.entrypoint), e.build());
            }
            case Instruction.Shell sh -> {
                e.shell = sh.shell();
                image.advanceConfig("SHELL " + json(sh.shell()), e.build());
            }
            case Instruction.Healthcheck h -> {
                e.healthcheck = healthcheck(h);
                image.advanceConfig("HEALTHCHECK " + (h.test() == null ? "NONE" : json(e.healthcheck.test())),
                        e.build());
            }
            case Instruction.OnBuild o -> {
                String trigger = o.trigger().strip();
                int space = trigger.indexOf(' ');
                String normalized = space < 0 ? trigger.toUpperCase(Locale.ROOT)
                        : trigger.substring(0, space).toUpperCase(Locale.ROOT) + trigger.substring(space);
                e.addOnBuild(normalized);
                image.advanceConfig("ONBUILD " + normalized, e.build());
            }
            case Instruction.Maintainer m -> {
                image.replaceAuthor(m.name());
                image.advanceConfig("MAINTAINER " + m.name(), e.build());
            }
            case Instruction.From _, Instruction.Run _, Instruction.Copy _ ->
                    throw new IllegalStateException("not a metadata instruction: " + instruction.text());
        }
    }

    /**
     * Declares the ARGs: a {@code --build-arg} wins over the default, a bare ARG takes the
     * global ARG's value or the platform's; gives the text the history shows.
     */
    private String arg(Instruction.Arg a, Map<String, String> env) {
        List<String> shown = new ArrayList<>();
        for (Instruction.KeyValue kv : a.args()) {
            String value;
            if (s.request.buildArgs().containsKey(kv.key())) {
                value = s.request.buildArgs().get(kv.key());
                s.usedArgs.add(kv.key());
            } else if (kv.value() != null) {
                value = s.lex.processWord(kv.value(), env);
            } else {
                value = s.metaArgs.get(kv.key()) != null ? s.metaArgs.get(kv.key())
                        : BuildSession.PLATFORM_ARGS.get(kv.key());
            }
            args.put(kv.key(), value);
            shown.add(value == null ? kv.key() : kv.key() + "=" + value);
        }
        return String.join(" ", shown);
    }

    /** Expands ENV/LABEL pairs (all with the environment from before the instruction), applies them, shows them. */
    private String pairs(List<Instruction.KeyValue> pairs, Map<String, String> env, BiConsumer<String, String> apply) {
        List<String> shown = new ArrayList<>();
        for (Instruction.KeyValue kv : pairs) {
            String key = s.lex.processWord(kv.key(), env);
            String value = s.lex.processWord(kv.value(), env);
            apply.accept(key, value);
            shown.add(key + "=" + value);
        }
        return String.join(" ", shown);
    }

    private static ImageConfig.Healthcheck healthcheck(Instruction.Healthcheck h) {
        if (h.test() == null) {
            return new ImageConfig.Healthcheck(List.of("NONE"), null, null, null, null, null);
        }
        List<String> test = new ArrayList<>();
        if (h.test().exec()) {
            test.add("CMD");
            test.addAll(h.test().args());
        } else {
            test.add("CMD-SHELL");
            test.add(h.test().args().getFirst());
        }
        Map<String, String> f = h.flags();
        return new ImageConfig.Healthcheck(test, nanos(f.get("interval")), nanos(f.get("timeout")),
                nanos(f.get("start-period")), nanos(f.get("start-interval")),
                f.containsKey("retries") ? Integer.valueOf(f.get("retries")) : null);
    }

    private static Long nanos(String text) {
        return text == null ? null : GoDuration.parseNanos(text);
    }

    private static String json(List<String> list) {
        try {
            return Json.MAPPER.writeValueAsString(list);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
