package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One entry of the {@code Mounts} array of container inspect and list. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record MountPoint(String type, @JsonInclude(JsonInclude.Include.NON_EMPTY) String name, String source,
        String destination, @JsonInclude(JsonInclude.Include.NON_EMPTY) String driver, String mode, @JsonProperty("RW") boolean rw, String propagation) {
}
