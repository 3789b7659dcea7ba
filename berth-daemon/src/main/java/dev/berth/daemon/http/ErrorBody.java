package dev.berth.daemon.http;

import dev.berth.api.JsonText;
import java.nio.charset.StandardCharsets;

/** The {@code {"message": ...}} body dockerd sends with errors, without a JSON library. */
final class ErrorBody {
    private ErrorBody() {}

    static byte[] json(String message) {
        StringBuilder sb = new StringBuilder(message.length() + 16).append("{\"message\":");
        return JsonText.quote(sb, message).append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
