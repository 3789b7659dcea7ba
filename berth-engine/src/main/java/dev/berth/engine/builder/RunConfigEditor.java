package dev.berth.engine.builder;

import dev.berth.engine.images.ImageConfig.Healthcheck;
import dev.berth.engine.images.ImageConfig.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable copy of an image's run config for one step's edit: the metadata instructions
 * (ENV, LABEL, EXPOSE, ...) each change a field, then {@link #build()} gives the new value.
 */
final class RunConfigEditor {

    String user;
    List<String> env;
    List<String> cmd;
    List<String> entrypoint;
    String workingDir;
    Map<String, String> labels;
    Map<String, Object> exposedPorts;
    Map<String, Object> volumes;
    String stopSignal;
    Healthcheck healthcheck;
    List<String> onBuild;
    List<String> shell;
    private final Map<String, Object> extra;

    RunConfigEditor(RunConfig c) {
        RunConfig r = c == null ? RunConfig.empty() : c;
        user = r.user();
        env = r.env();
        cmd = r.cmd();
        entrypoint = r.entrypoint();
        workingDir = r.workingDir();
        labels = r.labels();
        exposedPorts = r.exposedPorts();
        volumes = r.volumes();
        stopSignal = r.stopSignal();
        healthcheck = r.healthcheck();
        onBuild = r.onBuild();
        shell = r.shell();
        extra = r.extra();
    }

    RunConfig build() {
        return new RunConfig(user, env, cmd, entrypoint, workingDir, labels, exposedPorts, volumes, stopSignal,
                healthcheck, onBuild, shell, extra);
    }

    /** Sets one variable, replacing an earlier value in place (Docker keeps the order of first definition). */
    void setEnv(String key, String value) {
        List<String> out = new ArrayList<>(env == null ? List.of() : env);
        String entry = key + "=" + value;
        for (int i = 0; i < out.size(); i++) {
            String e = out.get(i);
            if (e.equals(key) || e.startsWith(key + "=")) {
                out.set(i, entry);
                env = out;
                return;
            }
        }
        out.add(entry);
        env = out;
    }

    void addLabel(String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        out.put(key, value);
        labels = out;
    }

    void addPort(String port) {
        Map<String, Object> out = new LinkedHashMap<>(exposedPorts == null ? Map.of() : exposedPorts);
        out.put(port, Map.of());
        exposedPorts = out;
    }

    void addVolume(String path) {
        Map<String, Object> out = new LinkedHashMap<>(volumes == null ? Map.of() : volumes);
        out.put(path, Map.of());
        volumes = out;
    }

    void addOnBuild(String trigger) {
        List<String> out = new ArrayList<>(onBuild == null ? List.of() : onBuild);
        out.add(trigger);
        onBuild = out;
    }

    /** The variables as a map (for expansion). */
    static Map<String, String> envMap(List<String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : env == null ? List.<String>of() : env) {
            int eq = e.indexOf('=');
            out.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return out;
    }
}
