package dev.berth.compose.model;

/**
 * One entry of a service's {@code volumes}, long syntax. {@code "./data:/data:ro"} becomes a
 * bind mount with an absolute source; {@code "name:/path"} a volume mount whose source is the
 * project-level volume key (not yet prefixed with the project name); {@code "/path"} an
 * anonymous volume (null source).
 *
 * @param type        bind, volume, tmpfs...
 * @param source      absolute host path (bind), volume key (volume), or null
 * @param target      the absolute path in the container
 * @param readOnly    mount read-only
 * @param consistency "consistent", "cached", "delegated", or null
 * @param bind        bind options, never null (defaults when unset)
 * @param volume      volume options, never null
 * @param tmpfs       tmpfs options, never null
 */
public record ServiceVolume(
        MountType type,
        String source,
        String target,
        boolean readOnly,
        String consistency,
        BindOptions bind,
        VolumeOptions volume,
        TmpfsOptions tmpfs) {

    public ServiceVolume {
        bind = bind == null ? BindOptions.DEFAULT : bind;
        volume = volume == null ? VolumeOptions.DEFAULT : volume;
        tmpfs = tmpfs == null ? TmpfsOptions.DEFAULT : tmpfs;
    }

    /**
     * Bind options.
     *
     * @param propagation    "rprivate", "shared"..., or null
     * @param createHostPath create the source directory when missing (true for the short syntax)
     * @param selinux        "z", "Z", or null
     */
    public record BindOptions(String propagation, boolean createHostPath, String selinux) {
        public static final BindOptions DEFAULT = new BindOptions(null, true, null);
    }

    /**
     * Volume options.
     *
     * @param nocopy  do not copy the image's data into a new volume
     * @param subpath a path inside the volume to mount instead of its root, or null
     */
    public record VolumeOptions(boolean nocopy, String subpath) {
        public static final VolumeOptions DEFAULT = new VolumeOptions(false, null);
    }

    /**
     * Tmpfs options.
     *
     * @param size size in bytes, or null for the kernel's default
     * @param mode file mode of the tmpfs root, or null
     */
    public record TmpfsOptions(Long size, Integer mode) {
        public static final TmpfsOptions DEFAULT = new TmpfsOptions(null, null);
    }
}
