package dev.berth.compose.loader;

import static dev.berth.compose.loader.Shapes.BOOL;
import static dev.berth.compose.loader.Shapes.BYTES;
import static dev.berth.compose.loader.Shapes.DURATION;
import static dev.berth.compose.loader.Shapes.IGNORED;
import static dev.berth.compose.loader.Shapes.INT;
import static dev.berth.compose.loader.Shapes.LIST_OR_DICT;
import static dev.berth.compose.loader.Shapes.NUMBER;
import static dev.berth.compose.loader.Shapes.SCALAR;
import static dev.berth.compose.loader.Shapes.STRING;
import static dev.berth.compose.loader.Shapes.STRINGS;
import static dev.berth.compose.loader.Shapes.STRING_OR_INT;
import static dev.berth.compose.loader.Shapes.STRING_OR_LIST;
import static dev.berth.compose.loader.Shapes.anyOf;
import static dev.berth.compose.loader.Shapes.list;
import static dev.berth.compose.loader.Shapes.mapOf;
import static dev.berth.compose.loader.Shapes.obj;
import static dev.berth.compose.loader.Shapes.oneOf;
import static dev.berth.compose.loader.Shapes.uniqueList;

/**
 * The Compose Specification's file format as shapes: every key compose defines, with its type.
 * Keys berth does not implement (swarm placement, GPUs, blkio...) are {@link
 * Shapes#IGNORED}: accepted with a warning, so that real-world files load. Anything else unknown
 * is an error.
 */
final class ComposeSchema {
    private ComposeSchema() {}

    static final Shape EXTRA_HOSTS = anyOf(mapOf(anyOf(STRING, STRINGS)), uniqueList(STRING));

    static final Shape EXTERNAL = anyOf(BOOL, obj("name", STRING));

    static final Shape PORT = anyOf(
            new Shape.Scalar("a port", java.util.Set.of(Integer.class, Long.class, String.class), null),
            obj("name", STRING, "mode", STRING, "host_ip", STRING, "target", INT, "published", STRING_OR_INT,
                    "protocol", STRING, "app_protocol", STRING));

    static final Shape SERVICE_VOLUME = anyOf(STRING, obj(
            "type", oneOf("bind", "volume", "tmpfs", "npipe", "cluster", "image"),
            "source", STRING,
            "target", STRING,
            "read_only", BOOL,
            "consistency", STRING,
            "bind", obj("propagation", STRING, "create_host_path", BOOL, "selinux", oneOf("z", "Z"), "recursive", IGNORED),
            "volume", obj("nocopy", BOOL, "subpath", STRING, "labels", IGNORED),
            "tmpfs", obj("size", BYTES, "mode", INT),
            "image", IGNORED));

    static final Shape FILE_REF = list(anyOf(STRING, obj("source", STRING, "target", STRING, "uid", STRING_OR_INT,
            "gid", STRING_OR_INT, "mode", INT)));

    static final Shape BUILD = anyOf(STRING, obj(
            "context", STRING, "dockerfile", STRING, "dockerfile_inline", STRING, "args", LIST_OR_DICT,
            "labels", LIST_OR_DICT, "cache_from", STRINGS, "cache_to", IGNORED, "no_cache", BOOL, "pull", BOOL,
            "network", STRING, "target", STRING, "shm_size", BYTES, "extra_hosts", EXTRA_HOSTS, "tags", STRINGS,
            "platforms", STRINGS, "ssh", IGNORED, "additional_contexts", IGNORED, "isolation", IGNORED,
            "privileged", IGNORED, "secrets", IGNORED, "ulimits", IGNORED, "entitlements", IGNORED,
            "provenance", IGNORED, "sbom", IGNORED, "no_cache_filter", IGNORED));

    static final Shape RESOURCE_SPEC = obj("cpus", NUMBER, "memory", BYTES, "pids", INT, "devices", IGNORED,
            "generic_resources", IGNORED);

    static final Shape DEPLOY = obj(
            "mode", oneOf("replicated", "global"),
            "replicas", INT,
            "labels", LIST_OR_DICT,
            "resources", obj("limits", RESOURCE_SPEC, "reservations", RESOURCE_SPEC),
            "restart_policy", obj("condition", oneOf("none", "on-failure", "any"), "delay", DURATION,
                    "max_attempts", INT, "window", DURATION),
            "endpoint_mode", IGNORED, "placement", IGNORED, "rollback_config", IGNORED, "update_config", IGNORED);

    static final Shape HEALTHCHECK = obj("test", anyOf(STRING, list(STRING)), "interval", DURATION, "timeout", DURATION,
            "retries", INT, "start_period", DURATION, "start_interval", DURATION, "disable", BOOL);

    static final Shape SERVICE_NETWORKS = anyOf(uniqueList(STRING), mapOf(obj(
            "aliases", STRINGS, "ipv4_address", STRING, "ipv6_address", STRING, "link_local_ips", STRINGS,
            "mac_address", STRING, "priority", INT, "driver_opts", IGNORED, "gw_priority", IGNORED, "interface_name", IGNORED)));

    static final Shape DEPENDS_ON = anyOf(uniqueList(STRING), mapOf(obj(
            "condition", oneOf("service_started", "service_healthy", "service_completed_successfully"),
            "restart", BOOL, "required", BOOL)));

    static final Shape COMMAND = anyOf(STRING, list(SCALAR));

    static final Shape DEVELOP = obj("watch", list(obj(
            "path", STRING,
            "action", oneOf("sync", "rebuild", "restart", "sync+restart", "sync+exec"),
            "target", STRING,
            "ignore", STRING_OR_LIST,
            "include", STRING_OR_LIST,
            "initial_sync", BOOL,
            "exec", obj("command", COMMAND, "user", STRING, "privileged", BOOL, "working_dir", STRING,
                    "environment", LIST_OR_DICT))));

    static final Shape SERVICE = obj(
            "image", STRING, "build", BUILD, "command", COMMAND, "entrypoint", COMMAND,
            "environment", LIST_OR_DICT,
            "env_file", anyOf(STRING, list(anyOf(STRING, obj("path", STRING, "required", BOOL, "format", STRING)))),
            "ports", list(PORT), "expose", list(STRING_OR_INT), "volumes", list(SERVICE_VOLUME),
            "volumes_from", uniqueList(STRING), "tmpfs", STRING_OR_LIST,
            "networks", SERVICE_NETWORKS, "network_mode", STRING, "links", uniqueList(STRING),
            "external_links", uniqueList(STRING), "depends_on", DEPENDS_ON, "healthcheck", HEALTHCHECK,
            "restart", STRING, "deploy", DEPLOY, "scale", INT, "labels", LIST_OR_DICT, "annotations", LIST_OR_DICT,
            "container_name", STRING, "hostname", STRING, "domainname", STRING, "mac_address", STRING,
            "user", STRING, "working_dir", STRING, "init", BOOL, "stop_signal", STRING, "stop_grace_period", DURATION,
            "tty", BOOL, "stdin_open", BOOL, "read_only", BOOL, "privileged", BOOL,
            "cap_add", uniqueList(STRING), "cap_drop", uniqueList(STRING), "security_opt", uniqueList(STRING),
            "extra_hosts", EXTRA_HOSTS, "dns", STRING_OR_LIST, "dns_search", STRING_OR_LIST, "dns_opt", uniqueList(STRING),
            "logging", obj("driver", STRING, "options", mapOf(SCALAR)),
            "profiles", uniqueList(STRING), "pull_policy", STRING, "platform", STRING,
            "configs", FILE_REF, "secrets", FILE_REF,
            "ulimits", mapOf(anyOf(INT, obj("soft", INT, "hard", INT))),
            "sysctls", LIST_OR_DICT, "shm_size", BYTES, "pid", STRING, "ipc", STRING, "uts", STRING,
            "userns_mode", STRING, "cgroup", oneOf("host", "private"), "cgroup_parent", STRING,
            "devices", list(anyOf(STRING, obj("source", STRING, "target", STRING, "permissions", STRING))),
            "group_add", list(STRING_OR_INT), "runtime", STRING, "attach", BOOL,
            "cpus", NUMBER, "cpu_shares", INT, "cpuset", STRING, "mem_limit", BYTES, "mem_reservation", BYTES,
            "memswap_limit", BYTES, "pids_limit", INT, "oom_kill_disable", BOOL, "oom_score_adj", INT,
            "extends", anyOf(STRING, obj("service", STRING, "file", STRING)),
            "develop", DEVELOP,
            // Defined by the specification, not implemented by berth.
            "blkio_config", IGNORED, "cpu_count", IGNORED, "cpu_percent", IGNORED, "cpu_period", IGNORED,
            "cpu_quota", IGNORED, "cpu_rt_period", IGNORED, "cpu_rt_runtime", IGNORED, "credential_spec", IGNORED,
            "device_cgroup_rules", IGNORED, "gpus", IGNORED, "isolation", IGNORED,
            "label_file", IGNORED, "mem_swappiness", IGNORED, "models", IGNORED, "post_start", IGNORED,
            "pre_stop", IGNORED, "provider", IGNORED, "pull_refresh_after", IGNORED, "storage_opt", IGNORED,
            "use_api_socket", IGNORED);

    static final Shape NETWORK = obj(
            "name", STRING, "driver", STRING, "driver_opts", mapOf(SCALAR),
            "ipam", obj("driver", STRING, "options", mapOf(STRING), "config", list(obj(
                    "subnet", STRING, "ip_range", STRING, "gateway", STRING, "aux_addresses", mapOf(STRING)))),
            "external", EXTERNAL, "internal", BOOL, "enable_ipv4", BOOL, "enable_ipv6", BOOL, "attachable", BOOL,
            "labels", LIST_OR_DICT);

    static final Shape VOLUME = obj("name", STRING, "driver", STRING, "driver_opts", mapOf(SCALAR),
            "external", EXTERNAL, "labels", LIST_OR_DICT);

    static final Shape CONFIG = obj("name", STRING, "file", STRING, "environment", STRING, "content", STRING,
            "external", EXTERNAL, "labels", LIST_OR_DICT, "driver", IGNORED, "driver_opts", IGNORED, "template_driver", IGNORED);

    static final Shape SECRET = obj("name", STRING, "file", STRING, "environment", STRING,
            "external", EXTERNAL, "labels", LIST_OR_DICT, "driver", IGNORED, "driver_opts", IGNORED, "template_driver", IGNORED);

    static final Shape INCLUDE = list(anyOf(STRING, obj("path", STRING_OR_LIST, "project_directory", STRING,
            "env_file", STRING_OR_LIST)));

    /** A whole compose file. */
    static final Shape FILE = obj(
            "name", STRING, "services", mapOf(SERVICE), "networks", mapOf(anyOf(NETWORK)), "volumes", mapOf(VOLUME),
            "configs", mapOf(CONFIG), "secrets", mapOf(SECRET), "include", INCLUDE, "models", IGNORED);
}
