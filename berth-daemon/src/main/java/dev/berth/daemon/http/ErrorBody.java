package dev.berth.daemon.http;

import java.nio.charset.StandardCharsets;

/** The {@code {"message": ...}} body dockerd sends with errors, without a JSON library. */
final class ErrorBody {
    private ErrorBody() {}

    static byte[] json(String message) {
        StringBuilder sb = new StringBuilder(message.length() + 16).append("{\"message\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("\"}\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
