package dev.berth.api.client;

import com.fasterxml.jackson.databind.MappingIterator;
import dev.berth.api.Json;
import dev.berth.api.types.system.JsonMessage;
import java.io.Closeable;
import java.io.IOException;

/**
 * A JSON-message stream (load, import, pull): one {@link JsonMessage} per {@link #next()},
 * null at the end. A message with an error is returned like any other; the caller decides
 * (docker's CLI prints what came before and then fails).
 */
public final class JsonMessageStream implements Closeable {

    private final ApiResponse response;
    private MappingIterator<JsonMessage> messages;

    JsonMessageStream(ApiResponse response) {
        this.response = response;
    }

    /** The response's Content-Type: old daemons answer load with plain text. */
    public String contentType() {
        return response.header("Content-Type");
    }

    public JsonMessage next() throws IOException {
        if (messages == null) {
            messages = Json.MAPPER.readerFor(JsonMessage.class).readValues(response.body());
        }
        return messages.hasNextValue() ? messages.nextValue() : null;
    }

    @Override
    public void close() throws IOException {
        if (messages != null) {
            messages.close();
        }
        response.close();
    }
}
