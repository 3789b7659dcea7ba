package dev.berth.engine.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device node of the host as a container gets it: the node the runtime creates at {@code
 * path} inside, and the device-cgroup rule that lets the container use it.
 *
 * @param path        where it appears in the container
 * @param type        {@code c} (character) or {@code b} (block)
 * @param fileMode    the host node's permission bits
 * @param permissions the cgroup access: some of {@code r}, {@code w}, {@code m}
 */
public record HostDevice(String path, char type, long major, long minor, int fileMode, long uid, long gid,
        String permissions) {

    /** The {@code linux.devices} entry. */
    public ObjectNode toOci() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("path", path);
        d.put("type", String.valueOf(type));
        d.put("major", major);
        d.put("minor", minor);
        d.put("fileMode", fileMode);
        d.put("uid", uid);
        d.put("gid", gid);
        return d;
    }

    /** The {@code linux.resources.devices} rule allowing it. */
    public ObjectNode toCgroupRule() {
        return JsonNodeFactory.instance.objectNode().put("allow", true).put("type", String.valueOf(type))
                .put("major", major).put("minor", minor).put("access", permissions);
    }
}
