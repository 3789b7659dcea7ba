package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.berth.api.Json;
import java.io.IOException;

/** Finds the image ID in the bootstrap answer, whichever shape the daemon chose. */
final class BootstrapAnswer {

    private BootstrapAnswer() {
    }

    static String imageId(String body) throws IOException {
        String text = body.strip();
        if (!text.startsWith("{")) {
            return text;
        }
        String found = null;
        try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                for (String key : new String[] {"Id", "ID", "id"}) {
                    if (node.hasNonNull(key)) {
                        found = node.get(key).asText();
                    }
                }
                JsonNode aux = node.get("aux");
                if (aux != null && aux.hasNonNull("ID")) {
                    found = aux.get("ID").asText();
                }
                JsonNode error = node.get("error");
                if (error != null && error.isTextual()) {
                    throw new ApiException(500, error.asText());
                }
            }
        }
        if (found == null) {
            throw new IOException("the daemon's answer carries no image ID: " + text);
        }
        return found;
    }
}
