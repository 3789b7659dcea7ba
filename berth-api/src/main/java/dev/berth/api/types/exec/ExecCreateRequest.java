package dev.berth.api.types.exec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code POST /containers/{id}/exec}, as docker's CLI sends it.
 *
 * @param consoleSize {@code [height, width]} of the TTY (API 1.42 and later), or null
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecCreateRequest(
        String user,
        Boolean privileged,
        Boolean tty,
        List<Integer> consoleSize,
        Boolean attachStdin,
        Boolean attachStdout,
        Boolean attachStderr,
        String detachKeys,
        List<String> env,
        String workingDir,
        List<String> cmd) {

    @JsonIgnore
    public boolean isTty() {
        return Boolean.TRUE.equals(tty);
    }

    @JsonIgnore
    public boolean isPrivileged() {
        return Boolean.TRUE.equals(privileged);
    }

    @JsonIgnore
    public boolean wantsStdin() {
        return Boolean.TRUE.equals(attachStdin);
    }

    @JsonIgnore
    public boolean wantsStdout() {
        return Boolean.TRUE.equals(attachStdout);
    }

    @JsonIgnore
    public boolean wantsStderr() {
        return Boolean.TRUE.equals(attachStderr);
    }
}
