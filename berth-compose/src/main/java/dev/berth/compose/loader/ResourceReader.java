package dev.berth.compose.loader;

import dev.berth.compose.model.FileObject;
import dev.berth.compose.model.Network;
import dev.berth.compose.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the top-level networks, volumes, configs and secrets and gives each its engine name:
 * {@code name:} when set, the key itself when external, else "&lt;project&gt;_&lt;key&gt;".
 */
final class ResourceReader {
    private final String project;

    ResourceReader(String project) {
        this.project = project;
    }

    private String engineName(String key, Fields f) {
        if (f.has("name")) {
            return f.string("name");
        }
        return f.bool("external", false) ? key : project + "_" + key;
    }

    Map<String, Network> networks(Map<String, Fields> section) {
        Map<String, Network> out = new LinkedHashMap<>();
        section.forEach((key, n) -> out.put(key, network(key, n)));
        return out;
    }

    Network network(String key, Fields n) {
        Fields ipam = n.fields("ipam");
        Network.Ipam ipamSpec = null;
        if (ipam != null) {
            List<Network.IpamPool> pools = new ArrayList<>();
            for (Fields p : ipam.list("config")) {
                pools.add(new Network.IpamPool(p.string("subnet"), p.string("gateway"), p.string("ip_range"), p.stringMap("aux_addresses")));
            }
            ipamSpec = new Network.Ipam(ipam.string("driver"), pools, ipam.stringMap("options"));
        }
        return new Network(engineName(key, n), n.string("driver"), n.stringMap("driver_opts"), ipamSpec,
                n.bool("internal", false), n.bool("external", false), n.stringMap("labels"), n.bool("attachable", false),
                n.bool("enable_ipv6"), n.bool("enable_ipv4"));
    }

    Map<String, Volume> volumes(Map<String, Fields> section) {
        Map<String, Volume> out = new LinkedHashMap<>();
        section.forEach((key, v) -> out.put(key, new Volume(engineName(key, v), v.string("driver"), v.stringMap("driver_opts"),
                v.bool("external", false), v.stringMap("labels"))));
        return out;
    }

    Map<String, FileObject> fileObjects(Map<String, Fields> section) {
        Map<String, FileObject> out = new LinkedHashMap<>();
        section.forEach((key, c) -> out.put(key, new FileObject(engineName(key, c), c.has("file") ? Path.of(c.string("file")) : null,
                c.string("environment"), c.string("content"), c.bool("external", false), c.stringMap("labels"))));
        return out;
    }
}
