package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /containers/{id}/top}: ps's column titles and one row of fields per process. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record ContainerTopResponse(List<String> titles, List<List<String>> processes) {
}
