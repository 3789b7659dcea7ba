package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A container's configuration that does not depend on the host: the {@code Config} of
 * create and inspect, and of an image's config (where the OCI spec spells the same keys).
 * Empty maps stand for Docker's {@code {}} sets (ExposedPorts, Volumes).
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerConfig(
        String hostname,
        String domainname,
        String user,
        Boolean attachStdin,
        Boolean attachStdout,
        Boolean attachStderr,
        Map<String, Object> exposedPorts,
        Boolean tty,
        Boolean openStdin,
        Boolean stdinOnce,
        List<String> env,
        List<String> cmd,
        HealthConfig healthcheck,
        Boolean argsEscaped,
        String image,
        Map<String, Object> volumes,
        String workingDir,
        List<String> entrypoint,
        Boolean networkDisabled,
        List<String> onBuild,
        Map<String, String> labels,
        String stopSignal,
        Integer stopTimeout,
        List<String> shell) {

    public static ContainerConfig empty() {
        return new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isTty() {
        return Boolean.TRUE.equals(tty);
    }

    @JsonIgnore
    public boolean isOpenStdin() {
        return Boolean.TRUE.equals(openStdin);
    }

    /** Whether the container's stdin closes when the attached client's input ends. */
    @JsonIgnore
    public boolean isStdinOnce() {
        return Boolean.TRUE.equals(stdinOnce);
    }
}
