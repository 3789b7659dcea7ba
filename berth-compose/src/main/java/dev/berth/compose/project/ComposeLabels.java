package dev.berth.compose.project;

/**
 * The {@code com.docker.compose.*} labels by which docker compose v2 recognises what belongs to
 * a project. Spelled exactly as compose spells them, so that berth compose and docker compose
 * can manage each other's projects.
 */
public final class ComposeLabels {

    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String SLUG = "com.docker.compose.slug";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String VERSION = "com.docker.compose.version";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String ENVIRONMENT_FILE = "com.docker.compose.project.environment_file";
    public static final String IMAGE = "com.docker.compose.image";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";

    /**
     * The compose version berth's compose speaks for; written to the version label, where docker
     * compose reads it to decide how to treat an existing container.
     */
    public static final String COMPOSE_VERSION = "2.40.0";

    private ComposeLabels() {
    }
}
