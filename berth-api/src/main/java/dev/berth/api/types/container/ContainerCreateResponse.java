package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to {@code POST /containers/create}. */
public record ContainerCreateResponse(@JsonProperty("Id") String id,
        @JsonProperty("Warnings") List<String> warnings) {
}
