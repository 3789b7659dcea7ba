package dev.berth.cli.command.container;

import java.util.Map;

/**
 * What {@code POST /containers/create} will get: the name, the image (for messages) and the
 * body as plain JSON values (Config's keys, {@code HostConfig} inside), which the client
 * writes without an ObjectMapper.
 */
record CreateRequest(String name, String image, Map<String, Object> body) {
}
