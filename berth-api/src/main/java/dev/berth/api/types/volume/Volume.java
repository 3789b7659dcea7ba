package dev.berth.api.types.volume;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A volume as {@code GET /volumes/{name}} and the list show it. {@code createdAt} is RFC 3339. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Volume(String createdAt, String driver, Map<String, String> labels, String mountpoint,
        String name, Map<String, String> options, String scope) {
}
