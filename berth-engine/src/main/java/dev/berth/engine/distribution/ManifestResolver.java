package dev.berth.engine.distribution;

import dev.berth.engine.digest.Digest;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Resolves a tag or digest to an image manifest: GET with every manifest type we accept,
 * verify the bytes against the digest asked for (or the one the registry names), and for an
 * index or manifest list select the platform's entry and fetch that by digest.
 */
final class ManifestResolver {

    private static final int MAX_MANIFEST = 4 * 1024 * 1024;

    /**
     * @param digest    the digest of what the reference points at (an index when there is one): the repo digest
     * @param manifest  the platform's image manifest
     * @param mediaType the image manifest's media type
     * @param platforms the platforms an index lists (empty for a single manifest)
     */
    record Resolved(Digest digest, Descriptor descriptor, Manifests.Manifest manifest, String mediaType,
                    java.util.List<Descriptor.PlatformSpec> platforms) {
    }

    record Fetched(byte[] bytes, String mediaType, Digest digest) {
    }

    private ManifestResolver() {
    }

    static Resolved resolve(RegistryClient client, String reference, PlatformSelector platform) throws IOException {
        Fetched top = fetch(client, reference);
        Descriptor topDescriptor = new Descriptor(top.mediaType(), top.bytes().length, top.digest().toString(),
                null, null, null);
        if (MediaTypes.INDEXES.contains(top.mediaType())) {
            Manifests.Index index = Manifests.parseIndex(top.bytes());
            Descriptor chosen = platform.select(index.manifests());
            Fetched image = fetch(client, chosen.digest());
            requireManifest(image);
            java.util.List<Descriptor.PlatformSpec> platforms = index.manifests().stream()
                    .map(Descriptor::platform).filter(p -> p != null && !"unknown".equals(p.os())).toList();
            return new Resolved(top.digest(), topDescriptor, Manifests.parseManifest(image.bytes()),
                    image.mediaType(), platforms);
        }
        requireManifest(top);
        return new Resolved(top.digest(), topDescriptor, Manifests.parseManifest(top.bytes()), top.mediaType(),
                java.util.List.of());
    }

    private static void requireManifest(Fetched f) {
        if (MediaTypes.SCHEMA1.equals(f.mediaType()) || MediaTypes.SCHEMA1_SIGNED.equals(f.mediaType())) {
            throw new InvalidArgumentException("Docker Image Format v1 and Docker Image manifest version 2, schema 1"
                    + " support has been removed. Suggest the author of " + "the image to upgrade it");
        }
        if (!MediaTypes.MANIFESTS.contains(f.mediaType())) {
            throw new InvalidArgumentException("unsupported manifest media type: " + f.mediaType());
        }
    }

    /** GET one manifest and verify it. */
    static Fetched fetch(RegistryClient client, String reference) throws IOException {
        HttpResponse<InputStream> res = client.expect(() -> HttpRequest.newBuilder(client.uri("manifests/" + reference))
                .header("Accept", MediaTypes.ACCEPT).GET(), "manifest for " + client.repository() + ":" + reference);
        byte[] bytes;
        try (InputStream in = res.body()) {
            bytes = in.readNBytes(MAX_MANIFEST + 1);
        }
        if (bytes.length > MAX_MANIFEST) {
            throw new InvalidArgumentException("manifest " + reference + " is larger than " + MAX_MANIFEST + " bytes");
        }
        Digest actual = Digest.sha256(bytes);
        Digest expected = null;
        if (reference.startsWith("sha256:")) {
            expected = Digest.parse(reference);
        } else {
            String header = res.headers().firstValue("Docker-Content-Digest").orElse(null);
            if (header != null && header.startsWith("sha256:")) {
                expected = Digest.parse(header);
            }
        }
        if (expected != null && !expected.equals(actual)) {
            throw new InvalidArgumentException("manifest verification failed for digest " + expected
                    + ": the registry served content with digest " + actual);
        }
        String type = MediaTypes.bare(res.headers().firstValue("Content-Type").orElse(null));
        if (!MediaTypes.INDEXES.contains(type) && !MediaTypes.MANIFESTS.contains(type)
                && !type.startsWith(MediaTypes.SCHEMA1)) {
            type = sniff(bytes);
        }
        return new Fetched(bytes, type, actual);
    }

    /** For a registry that serves a generic content type: the document's own mediaType, or its shape. */
    private static String sniff(byte[] bytes) throws IOException {
        var tree = Manifests.JSON.readTree(bytes);
        String declared = tree.path("mediaType").asText("");
        if (!declared.isEmpty()) {
            return declared;
        }
        if (tree.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        return tree.path("schemaVersion").asInt() == 1 ? MediaTypes.SCHEMA1 : MediaTypes.OCI_MANIFEST;
    }
}
