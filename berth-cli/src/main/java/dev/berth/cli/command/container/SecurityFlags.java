package dev.berth.cli.command.container;

import dev.berth.cli.command.SpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device, sysctl, group and /dev/shm flags of run and create, with docker's names and
 * parsing (cli/command/container/opts.go), and the {@code HostConfig} fields they become:
 * Devices, DeviceCgroupRules, Sysctls, GroupAdd, ShmSize, and the namespace modes PidMode,
 * IpcMode, UTSMode. Which sysctls are allowed is the
 * daemon's check, so the same rule holds for every client.
 */
final class SecurityFlags {

    List<String> devices = new ArrayList<>();
    List<String> deviceCgroupRules = new ArrayList<>();
    List<String> sysctls = new ArrayList<>();
    List<String> groupAdd = new ArrayList<>();
    String shmSize;
    String pid;
    String ipc;
    String uts;
    String cgroupns;

    SpecBuilder declare(SpecBuilder spec) {
        return spec
                .list("Add a host device to the container", "devices", devices, v -> devices = v, "--device")
                .list("Add a rule to the cgroup allowed devices list", "deviceCgroupRules", deviceCgroupRules,
                        v -> deviceCgroupRules = v, "--device-cgroup-rule")
                .list("Sysctl options", "sysctls", sysctls, v -> sysctls = v, "--sysctl")
                .list("Add additional groups to join", "groupAdd", groupAdd, v -> groupAdd = v, "--group-add")
                .value(String.class, "Size of /dev/shm", "shmSize", v -> shmSize = v, "--shm-size")
                .value(String.class, "PID namespace to use", "pid", v -> pid = v, "--pid")
                .value(String.class, "IPC mode to use", "ipc", v -> ipc = v, "--ipc")
                .value(String.class, "UTS namespace to use", "uts", v -> uts = v, "--uts")
                .value(String.class, "Cgroup namespace to use (host|private)", "string", v -> cgroupns = v, "--cgroupns");
    }

    void putInto(Map<String, Object> host) {
        if (!devices.isEmpty()) {
            host.put("Devices", devices.stream().map(SecurityFlags::device).toList());
        }
        if (!deviceCgroupRules.isEmpty()) {
            host.put("DeviceCgroupRules", deviceCgroupRules);
        }
        if (!sysctls.isEmpty()) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String s : sysctls) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("invalid argument \"" + s + "\" for \"--sysctl\" flag: sysctl '"
                            + s + "' is not allowed");
                }
                map.put(s.substring(0, eq), s.substring(eq + 1));
            }
            host.put("Sysctls", map);
        }
        if (!groupAdd.isEmpty()) {
            host.put("GroupAdd", groupAdd);
        }
        if (shmSize != null) {
            host.put("ShmSize", MountFlag.bytes(shmSize));
        }
        if (pid != null) {
            host.put("PidMode", pid);
        }
        if (ipc != null) {
            host.put("IpcMode", ipc);
        }
        if (cgroupns != null) {
            host.put("CgroupnsMode", cgroupns);
        }
        if (uts != null) {
            host.put("UTSMode", uts);
        }
    }

    /** {@code HOST[:CONTAINER][:PERMS]}, as docker's parseLinuxDevice: a second part of r/w/m letters is the mode. */
    static Map<String, String> device(String text) {
        String[] parts = text.split(":", 4);
        String src = parts[0];
        String dst = "";
        String permissions = "rwm";
        switch (parts.length) {
            case 3 -> {
                permissions = parts[2];
                dst = parts[1];
            }
            case 2 -> {
                if (validMode(parts[1])) {
                    permissions = parts[1];
                } else {
                    dst = parts[1];
                }
            }
            case 1 -> {
            }
            default -> throw new IllegalArgumentException("invalid device specification: " + text);
        }
        if (dst.isEmpty()) {
            dst = src;
        }
        if (!dst.startsWith("/")) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"--device\" flag: bad format for path: " + dst);
        }
        if (!validMode(permissions)) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"--device\" flag: bad mode specified: "
                    + permissions);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PathOnHost", src);
        m.put("PathInContainer", dst);
        m.put("CgroupPermissions", permissions);
        return m;
    }

    private static boolean validMode(String mode) {
        if (mode.isEmpty() || mode.length() > 3) {
            return false;
        }
        for (int i = 0; i < mode.length(); i++) {
            if ("rwm".indexOf(mode.charAt(i)) < 0 || mode.indexOf(mode.charAt(i)) != i) {
                return false;
            }
        }
        return true;
    }
}
