package dev.berth.engine.networks;

/**
 * One published port: {@code hostIp:hostPort -> containerPort/protocol}. {@code hostPort} is 0
 * until bound when the user asked for any free port.
 */
public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {

    /** dockerd's key in PortBindings and NetworkSettings.Ports: {@code 80/tcp}. */
    public String key() {
        return containerPort + "/" + protocol;
    }
}
