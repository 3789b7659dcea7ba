package dev.berth.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.daemon.router.distribution.DistributionBackend;
import dev.berth.daemon.router.distribution.ProgressText;
import dev.berth.engine.digest.Digest;
import dev.berth.engine.distribution.AuthConfig;
import dev.berth.engine.distribution.Descriptor;
import dev.berth.engine.distribution.Distribution;
import dev.berth.engine.distribution.PlatformSelector;
import dev.berth.engine.distribution.Progress;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.reference.ImageRef;
import java.io.IOException;
import java.util.function.Consumer;

/** The registry routes' backend: the distribution service, its progress as dockerd's JSON messages. */
final class DistributionApi implements DistributionBackend {

    private final Distribution distribution;
    private final ImageEvents events;

    DistributionApi(Distribution distribution, ImageEvents events) {
        this.distribution = distribution;
        this.events = events;
    }

    @Override
    public void pull(String image, String tag, String platform, String registryAuth, Consumer<ObjectNode> messages)
            throws IOException {
        ImageRef ref = reference(image, tag);
        distribution.pull(ref, PlatformSelector.parse(platform), AuthConfig.fromHeader(registryAuth),
                p -> messages.accept(message(p)));
        // dockerd: the reference as the actor, its repository as the name
        events.emit("pull", ref.familiar(), ref.familiarName());
    }

    @Override
    public void push(String name, String tag, String registryAuth, Consumer<ObjectNode> messages) throws IOException {
        ImageRef ref = reference(name, tag);
        distribution.push(ref, AuthConfig.fromHeader(registryAuth), p -> messages.accept(message(p)));
        events.emit("push", ref.familiar(), ref.familiarName());
    }

    @Override
    public void login(byte[] authConfigJson) throws IOException {
        distribution.login(AuthConfig.fromJson(authConfigJson));
    }

    @Override
    public JsonNode inspect(String name, String registryAuth) throws IOException {
        Distribution.RemoteDescriptor d = distribution.inspect(ImageRef.parse(name),
                AuthConfig.fromHeader(registryAuth));
        ObjectNode out = Json.MAPPER.createObjectNode();
        Descriptor desc = d.descriptor();
        out.putObject("Descriptor").put("mediaType", desc.mediaType()).put("digest", desc.digest())
                .put("size", desc.size());
        var platforms = out.putArray("Platforms");
        for (Descriptor.PlatformSpec p : d.platforms()) {
            ObjectNode n = platforms.addObject().put("architecture", p.architecture()).put("os", p.os());
            if (p.variant() != null) {
                n.put("variant", p.variant());
            }
        }
        return out;
    }

    /**
     * {@code fromImage} (may carry a tag) with {@code tag} (a tag or a digest), as dockerd combines
     * them; with neither the reference names the whole repository.
     */
    static ImageRef reference(String image, String tag) {
        if (image == null || image.isEmpty()) {
            throw new InvalidArgumentException("invalid reference format");
        }
        ImageRef ref = ImageRef.parseName(image);
        if (tag != null && !tag.isEmpty()) {
            if (tag.startsWith("sha256:")) {
                try {
                    return ref.withDigest(Digest.parse(tag));
                } catch (IllegalArgumentException e) {
                    throw new InvalidArgumentException("invalid reference format");
                }
            }
            return ref.withTag(tag);
        }
        return ref; // neither tag nor digest: every tag of the repository (pull -a, push -a), as dockerd
    }

    private static ObjectNode message(Progress p) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        if (p.status() != null) {
            m.put("status", p.status());
        }
        if (p.current() >= 0) {
            ObjectNode detail = m.putObject("progressDetail").put("current", p.current());
            if (p.total() > 0) {
                detail.put("total", p.total());
            }
            m.put("progress", ProgressText.bar(p.current(), p.total()));
        } else if (p.id() != null || p.aux() != null) {
            m.putObject("progressDetail");
        }
        if (p.id() != null) {
            m.put("id", p.id());
        }
        if (p.aux() != null) {
            m.putObject("aux").put("Tag", p.aux().tag()).put("Digest", p.aux().digest()).put("Size", p.aux().size());
        }
        return m;
    }
}
