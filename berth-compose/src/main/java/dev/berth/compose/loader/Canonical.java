package dev.berth.compose.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a validated, interpolated file into canonical form, so that merging and model
 * building see one syntax only: short syntaxes become long ones (ports, volumes, depends_on,
 * networks, configs, secrets, env_file, build, extends), list-or-dict keys become mappings,
 * scalars in string places become strings, and relative paths become absolute against
 * {@code baseDir} (the project directory; for a file reached through {@code extends.file}, that
 * file's directory; for an included application, its own project directory), with {@code ~}
 * expanded.
 */
final class Canonical {
    private final String file;
    private final Path baseDir;
    private final Path home;

    private Canonical(String file, Path baseDir, Path home) {
        this.file = file;
        this.baseDir = baseDir;
        this.home = home;
    }

    static Map<String, Object> of(Map<String, Object> tree, String file, Path baseDir, Path home) {
        return new Canonical(file, baseDir, home).file(tree);
    }

    private Map<String, Object> file(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("x-") || key.equals("models")) {
                continue;
            }
            Object value = switch (key) {
                case "services" -> each(e.getValue(), (name, svc) -> service(name, svc));
                case "networks", "volumes" -> each(e.getValue(), (name, res) -> resource(res));
                case "configs", "secrets" -> each(e.getValue(), (name, res) -> fileObject(res));
                case "include" -> includes(e.getValue());
                default -> e.getValue();
            };
            out.put(key, value);
        }
        return out;
    }

    private interface EntryRewrite {
        Map<String, Object> apply(String name, Map<String, Object> value);
    }

    private static Map<String, Object> each(Object section, EntryRewrite rewrite) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asMap(section).entrySet()) {
            out.put(e.getKey(), rewrite.apply(e.getKey(), asMap(e.getValue())));
        }
        return out;
    }

    private Map<String, Object> service(String name, Map<String, Object> svc) {
        KeyPath at = KeyPath.ROOT.key("services").key(name);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : svc.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (key.startsWith("x-")) {
                continue;
            }
            KeyPath path = at.key(key);
            Object canonical = switch (key) {
                case "build" -> build(v);
                case "command", "entrypoint" -> v instanceof String s ? words(s, path) : strings(v);
                case "environment", "labels", "annotations", "sysctls" -> dict(v);
                case "env_file" -> envFiles(v);
                case "ports" -> ports(v, path);
                case "expose", "dns", "dns_search", "tmpfs", "group_add" -> strings(v instanceof String s ? List.of(s) : v);
                case "volumes" -> volumes(v, path);
                case "networks" -> networks(v);
                case "depends_on" -> dependsOn(v);
                case "healthcheck" -> healthcheck(asMap(v));
                case "extra_hosts" -> extraHosts(v);
                case "ulimits" -> ulimits(v, path);
                case "configs", "secrets" -> fileRefs(v);
                case "devices" -> devices(v);
                case "extends" -> extendsRef(v);
                case "logging" -> logging(asMap(v));
                case "deploy" -> withDict(asMap(v), "labels");
                case "develop" -> develop(asMap(v), path);
                default -> v;
            };
            out.put(key, canonical);
        }
        return out;
    }

    /** include entries as {path: [..], project_directory?, env_file: [..]}, every path absolute. */
    private Object includes(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object item : asList(v)) {
            Map<String, Object> m = item instanceof String s ? new LinkedHashMap<>(Map.of("path", s)) : new LinkedHashMap<>(asMap(item));
            for (String key : List.of("path", "env_file")) {
                List<Object> paths = new ArrayList<>();
                for (Object p : m.get(key) instanceof String s ? List.of(s) : asList(m.get(key))) {
                    paths.add(path(Scalars.string(p)).toString());
                }
                m.put(key, paths);
            }
            if (m.get("project_directory") != null) {
                m.put("project_directory", path(Scalars.string(m.get("project_directory"))).toString());
            }
            out.add(m);
        }
        return out;
    }

    private Object build(Object v) {
        Map<String, Object> b = v instanceof String s ? new LinkedHashMap<>(Map.of("context", s)) : new LinkedHashMap<>(asMap(v));
        Object context = b.getOrDefault("context", ".");
        String ctx = Scalars.string(context);
        b.put("context", ctx.contains("://") || ctx.startsWith("git@") ? ctx : path(ctx).toString());
        for (String k : List.of("args", "labels")) {
            if (b.containsKey(k)) {
                b.put(k, dict(b.get(k)));
            }
        }
        if (b.containsKey("extra_hosts")) {
            b.put("extra_hosts", extraHosts(b.get("extra_hosts")));
        }
        return b;
    }

    private List<String> words(String s, KeyPath path) {
        try {
            return ShellWords.split(s);
        } catch (IllegalArgumentException e) {
            throw new ComposeFileException(file, path.toString(), e.getMessage());
        }
    }

    private Object envFiles(Object v) {
        List<Object> items = v instanceof String s ? List.of(s) : asList(v);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> m = item instanceof String s ? new LinkedHashMap<>(Map.of("path", s)) : new LinkedHashMap<>(asMap(item));
            m.put("path", path(Scalars.string(m.get("path"))).toString());
            m.putIfAbsent("required", true);
            out.add(m);
        }
        return out;
    }

    private Object ports(Object v, KeyPath path) {
        List<Object> out = new ArrayList<>();
        List<Object> items = asList(v);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map<?, ?>) {
                Map<String, Object> m = new LinkedHashMap<>(asMap(item));
                if (m.get("target") == null) {
                    throw new ComposeFileException(file, path.index(i).key("target").toString(), "is required");
                }
                m.put("target", Scalars.intValue(m.get("target")));
                if (m.get("published") != null) {
                    String published = Scalars.string(m.get("published"));
                    try {
                        PortSyntax.range(published, published);
                    } catch (IllegalArgumentException e) {
                        throw new ComposeFileException(file, path.index(i).key("published").toString(), e.getMessage());
                    }
                    m.put("published", published);
                }
                m.putIfAbsent("protocol", "tcp");
                m.putIfAbsent("mode", "ingress");
                out.add(m);
            } else {
                try {
                    out.addAll(PortSyntax.parse(Scalars.string(item)));
                } catch (IllegalArgumentException e) {
                    throw new ComposeFileException(file, path.index(i).toString(), e.getMessage());
                }
            }
        }
        return out;
    }

    private Object volumes(Object v, KeyPath path) {
        List<Object> out = new ArrayList<>();
        List<Object> items = asList(v);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> m;
            if (items.get(i) instanceof String s) {
                try {
                    m = VolumeSyntax.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new ComposeFileException(file, path.index(i).toString(), e.getMessage());
                }
            } else {
                m = new LinkedHashMap<>(asMap(items.get(i)));
                for (String required : List.of("type", "target")) {
                    if (m.get(required) == null) {
                        throw new ComposeFileException(file, path.index(i).key(required).toString(), "is required");
                    }
                }
            }
            if ("bind".equals(m.get("type")) && m.get("source") != null) {
                m.put("source", path(Scalars.string(m.get("source"))).toString());
            }
            out.add(m);
        }
        return out;
    }

    private static Object networks(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof List<?> list) {
            list.forEach(n -> out.put((String) n, new LinkedHashMap<>()));
        } else {
            asMap(v).forEach((k, n) -> out.put(k, n == null ? new LinkedHashMap<>() : n));
        }
        return out;
    }

    private static Object dependsOn(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof List<?> list) {
            list.forEach(n -> out.put((String) n, dependency(Map.of())));
        } else {
            asMap(v).forEach((k, d) -> out.put(k, dependency(asMap(d))));
        }
        return out;
    }

    private static Map<String, Object> dependency(Map<String, Object> d) {
        Map<String, Object> m = new LinkedHashMap<>(d);
        m.putIfAbsent("condition", "service_started");
        m.putIfAbsent("required", true);
        m.putIfAbsent("restart", false);
        return m;
    }

    private static Object healthcheck(Map<String, Object> h) {
        Map<String, Object> m = new LinkedHashMap<>(h);
        if (m.get("test") instanceof String s) {
            m.put("test", new ArrayList<>(List.of("CMD-SHELL", s)));
        }
        return m;
    }

    /** extra_hosts as "host:ip" entries; the map form may give several addresses for one host. */
    private static Object extraHosts(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof Map<?, ?> map) {
            map.forEach((host, ips) -> {
                List<Object> all = ips instanceof List<?> l ? new ArrayList<>(l) : List.of(Scalars.string(ips));
                all.forEach(ip -> out.add(host + ":" + ip));
            });
        } else {
            for (Object entry : asList(v)) {
                String s = (String) entry;
                int eq = s.indexOf('=');
                out.add(eq >= 0 ? s.substring(0, eq) + ":" + s.substring(eq + 1) : s);
            }
        }
        return out;
    }

    private Object ulimits(Object v, KeyPath path) {
        Map<String, Object> out = new LinkedHashMap<>();
        asMap(v).forEach((name, u) -> {
            if (u instanceof Map<?, ?> m && m.get("soft") == null && m.get("hard") == null) {
                throw new ComposeFileException(file, path.key(name).toString(), "needs soft and hard limits");
            }
            if (u instanceof Map<?, ?>) {
                out.put(name, u);
            } else {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("soft", u);
                both.put("hard", u);
                out.put(name, both);
            }
        });
        return out;
    }

    private static Object fileRefs(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object item : asList(v)) {
            out.add(item instanceof String s ? new LinkedHashMap<>(Map.of("source", s)) : item);
        }
        return out;
    }

    private static Object devices(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object item : asList(v)) {
            if (item instanceof Map<?, ?> m) {
                Object target = m.get("target") == null ? m.get("source") : m.get("target");
                Object perms = m.get("permissions") == null ? "rwm" : m.get("permissions");
                out.add(m.get("source") + ":" + target + ":" + perms);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private Object extendsRef(Object v) {
        Map<String, Object> m = v instanceof String s ? new LinkedHashMap<>(Map.of("service", s)) : new LinkedHashMap<>(asMap(v));
        if (m.get("file") != null) {
            m.put("file", path(Scalars.string(m.get("file"))).toString());
        }
        return m;
    }

    private static Object logging(Map<String, Object> l) {
        return withDict(l, "options");
    }

    private Map<String, Object> resource(Map<String, Object> res) {
        Map<String, Object> m = withDict(res, "labels");
        if (m.get("driver_opts") != null) {
            m.put("driver_opts", dict(m.get("driver_opts")));
        }
        if (m.get("external") instanceof Map<?, ?> ext) {
            // the legacy form external: {name: x}
            m.put("external", true);
            if (ext.get("name") != null) {
                m.put("name", ext.get("name"));
            }
        }
        return m;
    }

    private Map<String, Object> fileObject(Map<String, Object> res) {
        Map<String, Object> m = resource(res);
        if (m.get("file") != null) {
            m.put("file", path(Scalars.string(m.get("file"))).toString());
        }
        return m;
    }

    /** develop.watch entries with an absolute path, pattern lists and an exec-form command. */
    private Map<String, Object> develop(Map<String, Object> develop, KeyPath path) {
        Map<String, Object> out = new LinkedHashMap<>(develop);
        List<Object> watch = new ArrayList<>();
        List<Object> items = asList(develop.get("watch"));
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>(asMap(items.get(i)));
            if (rule.get("path") != null) {
                rule.put("path", path(Scalars.string(rule.get("path"))).toString());
            }
            for (String key : List.of("ignore", "include")) {
                if (rule.get(key) != null) {
                    rule.put(key, strings(rule.get(key) instanceof String s ? List.of(s) : rule.get(key)));
                }
            }
            if (rule.get("exec") != null) {
                Map<String, Object> exec = withDict(asMap(rule.get("exec")), "environment");
                if (exec.get("command") instanceof String s) {
                    exec.put("command", words(s, path.key("watch").index(i).key("exec").key("command")));
                }
                rule.put("exec", exec);
            }
            watch.add(rule);
        }
        if (develop.containsKey("watch")) {
            out.put("watch", watch);
        }
        return out;
    }

    private static Map<String, Object> withDict(Map<String, Object> m, String key) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        if (out.get(key) != null) {
            out.put(key, dict(out.get(key)));
        }
        return out;
    }

    /** A list-or-dict value as an ordered mapping of strings; "KEY" alone (list) or a null value is null. */
    static Map<String, Object> dict(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                String s = (String) item;
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else if (v != null) {
            asMap(v).forEach((k, val) -> out.put(k, Scalars.string(val)));
        }
        return out;
    }

    private static List<Object> strings(Object v) {
        if (v == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        asList(v).forEach(item -> out.add(Scalars.string(item)));
        return out;
    }

    /** {@code p} made absolute: "~" and "~/x" against the home directory, relative against the base. */
    Path path(String p) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2)).normalize();
        }
        return baseDir.resolve(p).normalize();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v) {
        return v == null ? new LinkedHashMap<>() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object v) {
        return v == null ? new ArrayList<>() : (List<Object>) v;
    }
}
