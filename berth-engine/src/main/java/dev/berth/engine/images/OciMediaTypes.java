package dev.berth.engine.images;

/** Media types and annotation keys of the OCI image spec that save and load use. */
final class OciMediaTypes {

    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String ANNOTATION_IMAGE_NAME = "io.containerd.image.name";
    static final String ANNOTATION_REF_NAME = "org.opencontainers.image.ref.name";

    private OciMediaTypes() {
    }
}
