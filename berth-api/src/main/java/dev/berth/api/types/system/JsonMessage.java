package dev.berth.api.types.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a JSON-message stream (pull, push, load, import, build): newline-delimited,
 * a message with {@code errorDetail} makes the client fail. Only the fields set are sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonMessage(
        @JsonProperty("status") String status,
        @JsonProperty("id") String id,
        @JsonProperty("progress") String progress,
        @JsonProperty("stream") String stream,
        @JsonProperty("error") String error,
        @JsonProperty("errorDetail") ErrorDetail errorDetail,
        @JsonProperty("aux") JsonNode aux) {

    public static JsonMessage status(String status) {
        return new JsonMessage(status, null, null, null, null, null, null);
    }

    public static JsonMessage stream(String text) {
        return new JsonMessage(null, null, null, text, null, null, null);
    }

    public static JsonMessage failure(String message) {
        return new JsonMessage(null, null, null, null, message, new ErrorDetail(message), null);
    }

    public static JsonMessage aux(JsonNode aux) {
        return new JsonMessage(null, null, null, null, null, null, aux);
    }

    public record ErrorDetail(@JsonProperty("message") String message) {
    }
}
