package dev.berth.compose.model;

/** The {@code type} of a service volume, with its compose spelling. */
public enum MountType {
    BIND("bind"), VOLUME("volume"), TMPFS("tmpfs"), NPIPE("npipe"), CLUSTER("cluster"), IMAGE("image");

    private final String wireName;

    MountType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in a compose file and in the Engine API's {@code Mount.Type}. */
    public String wireName() {
        return wireName;
    }

    /** The type spelled {@code name}, or null when compose has no such type. */
    public static MountType fromWireName(String name) {
        for (MountType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
