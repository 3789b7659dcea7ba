package dev.berth.daemon.router.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * What the registry routes need from the engine, in the API's terms: progress arrives as
 * JSON messages ({@code status}, {@code id}, {@code progressDetail}, {@code aux}), called
 * one at a time. {@code registryAuth} is the raw {@code X-Registry-Auth} header (may be null).
 * Errors are the engine's kinds (refused credentials: {@code UnauthorizedException}, 401).
 */
public interface DistributionBackend {

    void pull(String image, String tag, String platform, String registryAuth, Consumer<ObjectNode> messages)
            throws IOException;

    void push(String name, String tag, String registryAuth, Consumer<ObjectNode> messages) throws IOException;

    /** Validates {@code POST /auth}'s body against its registry. */
    void login(byte[] authConfigJson) throws IOException;

    /** {@code {Descriptor, Platforms}} of what {@code name} points at in its registry. */
    JsonNode inspect(String name, String registryAuth) throws IOException;
}
