package dev.berth.engine.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code --security-opt} as dockerd parses it (moby daemon/create.go parseSecurityOpt):
 * {@code no-new-privileges[:true|=true]}, {@code seccomp=unconfined}, {@code seccomp=<profile
 * JSON>} (the CLI sends the file's content), and {@code label}/{@code apparmor}
 * options, accepted and ignored (this host has neither SELinux nor AppArmor).
 *
 * @param noNewPrivileges whether the process gets no_new_privs
 * @param seccomp         the seccomp choice
 * @param customProfile   the profile, Docker's format, for {@link Seccomp#CUSTOM}
 */
public record SecurityOptions(boolean noNewPrivileges, Seccomp seccomp, Optional<JsonNode> customProfile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Docker's default profile, none, or the one given. */
    public enum Seccomp { DEFAULT, UNCONFINED, CUSTOM }

    public static SecurityOptions parse(List<String> options) {
        boolean nnp = false;
        Seccomp seccomp = Seccomp.DEFAULT;
        JsonNode profile = null;
        for (String opt : options == null ? List.<String>of() : options) {
            if (opt.equals("no-new-privileges")) {
                nnp = true;
                continue;
            }
            if (opt.equals("disable")) {
                continue;
            }
            String[] con = opt.split("=", 2);
            if (con.length == 1) {
                if (!opt.contains(":")) {
                    throw new InvalidArgumentException("Invalid --security-opt: \"" + opt + "\"");
                }
                con = opt.split(":", 2);
            }
            switch (con[0]) {
                case "label", "apparmor", "writable-cgroups" -> {
                    // no LSM here; writable-cgroups is not supported by berth either
                }
                case "no-new-privileges" -> nnp = switch (con[1]) {
                    case "true", "1", "t", "T", "TRUE", "True" -> true;
                    case "false", "0", "f", "F", "FALSE", "False" -> false;
                    default -> throw new InvalidArgumentException("invalid --security-opt 2: \"" + opt + "\"");
                };
                case "seccomp" -> {
                    if (con[1].equals("unconfined")) {
                        seccomp = Seccomp.UNCONFINED;
                        profile = null;
                    } else if (con[1].equals("builtin")) {
                        seccomp = Seccomp.DEFAULT;
                    } else {
                        seccomp = Seccomp.CUSTOM;
                        profile = profile(con[1]);
                    }
                }
                default -> throw new InvalidArgumentException("invalid --security-opt 2: \"" + opt + "\"");
            }
        }
        return new SecurityOptions(nnp, seccomp, Optional.ofNullable(profile));
    }

    private static JsonNode profile(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject() || !node.has("defaultAction")) {
                throw new InvalidArgumentException("Decoding seccomp profile failed: the profile has no defaultAction");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidArgumentException("Decoding seccomp profile failed: " + e.getMessage());
        }
    }
}
