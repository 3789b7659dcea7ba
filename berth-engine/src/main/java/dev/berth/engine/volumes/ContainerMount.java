package dev.berth.engine.volumes;

import java.util.List;

/**
 * One mount of a container as resolved at create and kept in its mount table: what
 * {@code inspect} shows in {@code Mounts} and what each start binds into the container.
 *
 * @param type         bind, volume or tmpfs
 * @param name         the volume's name (volumes only, else empty)
 * @param source       the host path: the bind source or the volume's {@code _data}; empty for tmpfs
 * @param destination  the absolute path in the container
 * @param readOnly     mounted read-only
 * @param mode         the mode words as the user gave them (inspect's {@code Mode})
 * @param propagation  bind propagation ({@code rprivate} by default), empty for volumes and tmpfs
 * @param copyUp       fill an empty volume with the image's files at the destination first
 * @param tmpfsOptions mount options of a tmpfs (size=, mode=, flags)
 * @param anonymous    the volume was created for this container ({@code -v /path}, image VOLUME);
 *                     {@code rm -v} removes it
 * @param listed       shown in inspect's {@code Mounts} ({@code --tmpfs} mounts are not)
 */
public record ContainerMount(Type type, String name, String source, String destination, boolean readOnly,
        String mode, String propagation, boolean copyUp, List<String> tmpfsOptions, boolean anonymous,
        boolean listed) {

    public enum Type {
        BIND, VOLUME, TMPFS;

        /** The API's lower-case word. */
        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ContainerMount {
        tmpfsOptions = tmpfsOptions == null ? List.of() : List.copyOf(tmpfsOptions);
        name = name == null ? "" : name;
        source = source == null ? "" : source;
        mode = mode == null ? "" : mode;
        propagation = propagation == null ? "" : propagation;
    }

    /** The same mount taken over by {@code --volumes-from}: never the owner of an anonymous volume. */
    ContainerMount inherited(Boolean forceReadOnly) {
        boolean ro = forceReadOnly != null ? forceReadOnly : readOnly;
        return new ContainerMount(type, name, source, destination, ro, mode, propagation, false, tmpfsOptions,
                false, listed);
    }
}
