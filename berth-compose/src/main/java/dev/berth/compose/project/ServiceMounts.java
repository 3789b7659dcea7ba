package dev.berth.compose.project;

import dev.berth.compose.model.FileObjectRef;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceVolume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's filesystem in the create body, as compose sends it: {@code volumes} as
 * HostConfig.Mounts (binds that may create their host directory as legacy Binds, the only form
 * that does), {@code configs} and {@code secrets} as read-only bind mounts of their files at
 * {@code /<name>} and {@code /run/secrets/<name>}, {@code tmpfs} as HostConfig.Tmpfs, and
 * {@code volumes_from} naming containers. Part of {@link ServiceMapper}'s template.
 */
final class ServiceMounts {

    private ServiceMounts() {
    }

    /** Puts Binds, Mounts, Tmpfs and VolumesFrom into {@code host}, leaving out what is empty. */
    static void apply(Map<String, Object> host, Project project, Service service, ServiceMapper.FileSources files)
            throws IOException {
        List<String> binds = new ArrayList<>();
        List<Map<String, Object>> mounts = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (ServiceVolume v : service.volumes()) {
            switch (v.type()) {
                case BIND -> {
                    if (v.bind().createHostPath() && v.bind().propagation() == null) {
                        // Binds, not Mounts: only the legacy form creates a missing host directory
                        binds.add(v.source() + ":" + v.target() + (v.readOnly() ? ":ro" : ":rw"));
                    } else {
                        Map<String, Object> m = mount("bind", v.source(), v.target(), v.readOnly());
                        if (v.bind().propagation() != null) {
                            m.put("BindOptions", Map.of("Propagation", v.bind().propagation()));
                        }
                        mounts.add(m);
                    }
                }
                case VOLUME -> {
                    String source = v.source() == null ? null
                            : project.volumes().containsKey(v.source()) ? project.volumes().get(v.source()).name() : v.source();
                    Map<String, Object> m = mount("volume", source, v.target(), v.readOnly());
                    if (v.volume().nocopy() || v.volume().subpath() != null) {
                        Map<String, Object> options = new LinkedHashMap<>();
                        if (v.volume().nocopy()) {
                            options.put("NoCopy", true);
                        }
                        ServiceMapper.put(options, "Subpath", v.volume().subpath());
                        m.put("VolumeOptions", options);
                    }
                    mounts.add(m);
                }
                case TMPFS -> {
                    Map<String, Object> m = mount("tmpfs", null, v.target(), v.readOnly());
                    Map<String, Object> options = new LinkedHashMap<>();
                    ServiceMapper.put(options, "SizeBytes", v.tmpfs().size());
                    ServiceMapper.put(options, "Mode", v.tmpfs().mode());
                    if (!options.isEmpty()) {
                        m.put("TmpfsOptions", options);
                    }
                    mounts.add(m);
                }
                default -> throw new IllegalArgumentException("service " + service.name() + ": volume type "
                        + v.type().wireName() + " is not supported");
            }
        }
        for (FileObjectRef ref : service.configs()) {
            String target = ref.target() != null ? ref.target() : "/" + ref.source();
            mounts.add(mount("bind", files.config(project, ref.source()).toString(), target, true));
        }
        for (FileObjectRef ref : service.secrets()) {
            String target = ref.target() == null ? "/run/secrets/" + ref.source()
                    : ref.target().startsWith("/") ? ref.target() : "/run/secrets/" + ref.target();
            mounts.add(mount("bind", files.secret(project, ref.source()).toString(), target, true));
        }
        for (String t : service.tmpfs()) {
            int colon = t.indexOf(':');
            tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
        }
        if (!binds.isEmpty()) {
            host.put("Binds", binds);
        }
        if (!mounts.isEmpty()) {
            host.put("Mounts", mounts);
        }
        if (!tmpfs.isEmpty()) {
            host.put("Tmpfs", tmpfs);
        }
        if (!service.volumesFrom().isEmpty()) {
            host.put("VolumesFrom", service.volumesFrom().stream().map(v -> volumesFrom(project, v)).toList());
        }
    }

    /** {@code service:x[:ro]} is x's first container; {@code container:x} is x. */
    private static String volumesFrom(Project project, String spec) {
        if (spec.startsWith("container:")) {
            return spec.substring("container:".length());
        }
        String s = spec.startsWith("service:") ? spec.substring("service:".length()) : spec;
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String mode = colon < 0 ? "" : s.substring(colon);
        return ResourceNames.container(project.name(), name, 1) + mode;
    }

    private static Map<String, Object> mount(String type, String source, String target, boolean readOnly) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Type", type);
        ServiceMapper.put(m, "Source", source);
        m.put("Target", target);
        if (readOnly) {
            m.put("ReadOnly", true);
        }
        return m;
    }
}
