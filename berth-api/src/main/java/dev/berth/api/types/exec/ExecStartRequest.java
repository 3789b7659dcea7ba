package dev.berth.api.types.exec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code POST /exec/{id}/start}. {@code Detach} answers at once without a
 * stream; otherwise the connection is hijacked.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecStartRequest(Boolean detach, Boolean tty, List<Integer> consoleSize) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDetach() {
        return Boolean.TRUE.equals(detach);
    }
}
