package dev.berth.engine.containers;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HealthConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an image's config with a create request, as dockerd does: the request wins field by
 * field; Env is merged by variable name; Labels, ExposedPorts and Volumes are unions; an
 * Entrypoint given in the request drops the image's Cmd (a new entrypoint rarely wants the
 * old arguments).
 */
public final class ConfigMerger {

    private ConfigMerger() {
    }

    public static ContainerConfig merge(ContainerConfig image, ContainerConfig request) {
        ContainerConfig img = image != null ? image : ContainerConfig.empty();
        List<String> entrypoint = request.entrypoint() != null ? request.entrypoint() : img.entrypoint();
        List<String> cmd = request.cmd() != null && !request.cmd().isEmpty() ? request.cmd()
                : request.entrypoint() != null ? null : img.cmd();
        return new ContainerConfig(
                request.hostname(),
                request.domainname(),
                firstNonEmpty(request.user(), img.user()),
                request.attachStdin(),
                request.attachStdout(),
                request.attachStderr(),
                union(img.exposedPorts(), request.exposedPorts()),
                request.tty(),
                request.openStdin(),
                request.stdinOnce(),
                mergeEnv(img.env(), request.env()),
                cmd,
                mergeHealthcheck(img.healthcheck(), request.healthcheck()),
                request.argsEscaped(),
                request.image(),
                union(img.volumes(), request.volumes()),
                firstNonEmpty(request.workingDir(), img.workingDir()),
                entrypoint,
                request.networkDisabled(),
                request.onBuild() != null ? request.onBuild() : img.onBuild(),
                union(img.labels(), request.labels()),
                firstNonEmpty(request.stopSignal(), img.stopSignal()),
                request.stopTimeout(),
                request.shell() != null ? request.shell() : img.shell());
    }

    /**
     * The request's healthcheck with what it leaves unset (empty test, zero durations and
     * retries) taken from the image's, as dockerd merges them: {@code --health-interval} alone
     * keeps the image's test.
     */
    static HealthConfig mergeHealthcheck(HealthConfig image, HealthConfig request) {
        if (request == null || image == null) {
            return request != null ? request : image;
        }
        return new HealthConfig(request.test() == null || request.test().isEmpty() ? image.test() : request.test(),
                unsetOr(request.interval(), image.interval()), unsetOr(request.timeout(), image.timeout()),
                unsetOr(request.startPeriod(), image.startPeriod()),
                unsetOr(request.startInterval(), image.startInterval()),
                request.retries() == null || request.retries() == 0 ? image.retries() : request.retries());
    }

    private static Long unsetOr(Long given, Long fallback) {
        return given == null || given == 0 ? fallback : given;
    }

    /** Entrypoint followed by Cmd: what the container runs. Throws when there is nothing to run. */
    public static List<String> commandLine(ContainerConfig config) {
        List<String> line = new ArrayList<>();
        if (config.entrypoint() != null) {
            line.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            line.addAll(config.cmd());
        }
        if (line.isEmpty()) {
            throw new InvalidArgumentException("no command specified");
        }
        return line;
    }

    /** Image variables first, then the request's; a request variable replaces one of the same name. */
    static List<String> mergeEnv(List<String> image, List<String> request) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (List<String> source : List.of(nullToEmpty(image), nullToEmpty(request))) {
            for (String entry : source) {
                int eq = entry.indexOf('=');
                byName.put(eq < 0 ? entry : entry.substring(0, eq), entry);
            }
        }
        return List.copyOf(byName.values());
    }

    private static <V> Map<String, V> union(Map<String, V> image, Map<String, V> request) {
        if (image == null) {
            return request;
        }
        if (request == null) {
            return image;
        }
        Map<String, V> merged = new LinkedHashMap<>(image);
        merged.putAll(request);
        return merged;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
