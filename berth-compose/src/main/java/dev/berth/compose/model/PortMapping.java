package dev.berth.compose.model;

/**
 * One entry of a service's {@code ports}, long syntax. The short syntax
 * {@code "127.0.0.1:8080-8081:80-81/udp"} becomes one mapping per container port.
 *
 * @param target      the container port
 * @param published   the host port or range ("8080", "8000-8010"), or null for an ephemeral port
 * @param hostIp      the host address to bind, or null for all
 * @param protocol    "tcp" or "udp" ("tcp" when unset)
 * @param mode        "host" or "ingress" ("ingress" when unset, as compose does)
 * @param name        a human-readable name, or null
 * @param appProtocol the application protocol (http, grpc...), or null
 */
public record PortMapping(
        int target, String published, String hostIp, String protocol, String mode, String name, String appProtocol) {}
