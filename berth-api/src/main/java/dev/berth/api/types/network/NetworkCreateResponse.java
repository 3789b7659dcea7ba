package dev.berth.api.types.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to {@code POST /networks/create}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record NetworkCreateResponse(@JsonProperty("Id") String id, String warning) {
}
