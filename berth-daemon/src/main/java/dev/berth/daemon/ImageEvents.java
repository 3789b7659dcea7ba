package dev.berth.daemon;

import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.images.ImageStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image events as dockerd's LogImageEvent sends them: the actor's ID (an image ID, or the
 * reference for pull and push), {@code name} (the reference concerned), and the image's
 * labels when the image is still there.
 */
final class ImageEvents {

    private final EventBus bus;
    private final ImageStore images;

    ImageEvents(EventBus bus, ImageStore images) {
        this.bus = bus;
        this.images = images;
    }

    void emit(String action, String id, String name) {
        Map<String, String> attributes = new LinkedHashMap<>();
        images.find(id).ifPresent(i -> {
            var config = i.config().config();
            if (config != null && config.labels() != null) {
                attributes.putAll(config.labels());
            }
        });
        attributes.put("name", name);
        bus.publish(Event.IMAGE, action, id, attributes);
    }

    /** A prune's summary: no actor, the bytes reclaimed ({@code type} image or builder). */
    void pruned(String type, long reclaimed) {
        bus.publish(type, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    }
}
