package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** The logging driver and its options; berth implements {@code json-file}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record LogConfig(String type, Map<String, String> config) {
}
