package dev.berth.engine.networks;

/**
 * One port to publish as asked: {@code hostIp:hostFirst[-hostLast] -> containerPort/protocol}.
 * {@code hostFirst} 0 means any free port; a range means the first free port in it, as dockerd.
 */
record PortRequest(String hostIp, int hostFirst, int hostLast, int containerPort, String protocol) {

    /** dockerd's key in PortBindings and NetworkSettings.Ports: {@code 80/tcp}. */
    String key() {
        return containerPort + "/" + protocol;
    }

    /** The published port once bound to {@code hostPort}. */
    PublishedPort boundTo(int hostPort) {
        return new PublishedPort(hostIp, hostPort, containerPort, protocol);
    }
}
