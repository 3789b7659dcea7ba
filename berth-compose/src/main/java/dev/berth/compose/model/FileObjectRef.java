package dev.berth.compose.model;

/**
 * A service's use of a config or secret ({@code services.x.configs[n]}), long syntax.
 *
 * @param source the key of the top-level config or secret
 * @param target the path in the container (configs: "/&lt;source&gt;" by default; secrets:
 *               "/run/secrets/&lt;source&gt;"; a relative secret target is taken under /run/secrets)
 * @param uid    owner uid, or null
 * @param gid    owner gid, or null
 * @param mode   file mode, or null (0444)
 */
public record FileObjectRef(String source, String target, String uid, String gid, Integer mode) {}
