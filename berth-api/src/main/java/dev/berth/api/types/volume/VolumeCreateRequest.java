package dev.berth.api.types.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** The body of {@code POST /volumes/create}; every field may be absent. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeCreateRequest(String name, String driver, Map<String, String> driverOpts,
        Map<String, String> labels) {
}
