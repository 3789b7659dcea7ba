package dev.berth.compose.project;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run}'s one-off container: the service's template with compose's one-off labels
 * ({@code oneoff=True}, a slug, no number) named {@code <project>-<service>-run-<slug12>}, the
 * command and options of the command line on top, and no published ports unless asked
 * ({@code --service-ports}), so that it does not collide with the service's own containers.
 * Its dependencies are brought up first unless {@code --no-deps}.
 */
public final class OneOff {

    /**
     * @param command      the command, or empty for the service's
     * @param environment  NAME=value entries added to the service's
     * @param user         user, or null for the service's
     * @param workdir      working directory, or null
     * @param entrypoint   entrypoint, or null for the service's
     * @param tty          allocate a TTY
     * @param interactive  keep stdin open
     * @param autoRemove   remove the container when it exits (--rm)
     * @param servicePorts publish the service's ports
     * @param name         a container name, or null for compose's
     */
    public record Options(List<String> command, List<String> environment, String user, String workdir,
            String entrypoint, boolean tty, boolean interactive, boolean autoRemove, boolean servicePorts, String name) {
    }

    /** The created container. */
    public record Created(String id, String name) {
    }

    private final ContainerActions actions;
    private final ServiceImages images;
    private final ServiceMapper.FileSources files;

    public OneOff(ContainerActions actions, ServiceImages images, ServiceMapper.FileSources files) {
        this.actions = actions;
        this.images = images;
        this.files = files;
    }

    /** Brings up the dependencies (unless {@code noDeps}), then creates the one-off container. */
    public Created create(Project project, String serviceName, Options options, boolean noDeps)
            throws IOException, InterruptedException {
        Service service = project.service(serviceName);
        if (service == null) {
            throw new IllegalArgumentException("no such service: " + serviceName);
        }
        if (!noDeps && !service.dependsOn().isEmpty()) {
            List<String> deps = new ArrayList<>(service.dependsOn().keySet());
            deps.removeIf(d -> project.service(d) == null);
            if (!deps.isEmpty()) {
                new Up(actions, images, files).run(project, new UpOptions(deps, false, false, false, false, false, false,
                        Map.of(), true, null, null));
            }
        }
        images.ensure(project, service, false, false);
        ContainerTemplate template = ServiceMapper.template(project, service, ServiceImages.reference(project, service), files);
        String slug = ResourceNames.newSlug();
        String name = options.name() != null ? options.name() : ResourceNames.oneOff(project.name(), serviceName, slug);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ComposeLabels.ONEOFF, "True");
        labels.put(ComposeLabels.SLUG, slug);
        labels.put(ComposeLabels.DEPENDS_ON, Up.dependsOnLabel(service));
        Map<String, Object> body = template.forContainer(labels);
        body.put("Tty", options.tty());
        body.put("OpenStdin", options.interactive());
        body.put("AttachStdin", options.interactive());
        body.put("StdinOnce", options.interactive());
        if (!options.command().isEmpty()) {
            body.put("Cmd", options.command());
        }
        if (options.entrypoint() != null) {
            body.put("Entrypoint", options.entrypoint().isEmpty() ? List.of() : List.of(options.entrypoint()));
        }
        if (options.user() != null) {
            body.put("User", options.user());
        }
        if (options.workdir() != null) {
            body.put("WorkingDir", options.workdir());
        }
        if (!options.environment().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> env = new ArrayList<>((List<String>) body.getOrDefault("Env", List.of()));
            env.addAll(options.environment());
            body.put("Env", env);
        }
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("AutoRemove", options.autoRemove());
        host.put("RestartPolicy", Map.of("Name", "no"));
        body = template.withHostConfig(body, host);
        if (!options.servicePorts()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> h = (Map<String, Object>) body.get("HostConfig");
            h.remove("PortBindings");
        }
        String id = actions.client().containers().create(name, body).id();
        for (Map.Entry<String, List<String>> n : template.extraNetworks().entrySet()) {
            actions.client().networks().connect(n.getKey(), id, n.getValue());
        }
        return new Created(id, name);
    }
}
