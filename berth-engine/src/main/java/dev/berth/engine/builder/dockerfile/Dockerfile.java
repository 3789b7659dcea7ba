package dev.berth.engine.builder.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile.
 *
 * @param name         the file's name, for messages
 * @param directives   parser directives found at the top ({@code syntax}, {@code escape}, {@code check})
 * @param escape       the escape character (backslash unless {@code # escape=`})
 * @param instructions every instruction in order
 */
public record Dockerfile(String name, Map<String, String> directives, char escape, List<Instruction> instructions) {

    public Dockerfile {
        directives = Map.copyOf(directives);
        instructions = List.copyOf(instructions);
    }
}
