package dev.berth.api.types.exec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST /containers/{id}/exec}: the new exec instance's ID. */
public record ExecCreateResponse(@JsonProperty("Id") String id) {
}
