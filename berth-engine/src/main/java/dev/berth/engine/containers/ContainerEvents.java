package dev.berth.engine.containers;

import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes container events with the attributes dockerd gives them: the container's
 * labels, its {@code name} and {@code image}, and what the action adds ({@code exitCode}
 * on die, {@code signal} on kill, {@code oldName} on rename). Public for the services that
 * report on containers from above this package (health, prune).
 */
public final class ContainerEvents {

    private final EventBus bus;

    public ContainerEvents(EventBus bus) {
        this.bus = bus;
    }

    public void emit(ContainerRecord r, String action) {
        emit(r, action, Map.of());
    }

    public void emit(ContainerRecord r, String action, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (r.config().labels() != null) {
            attributes.putAll(r.config().labels());
        }
        attributes.putAll(extra);
        attributes.put("image", r.imageRef());
        attributes.put("name", r.name());
        bus.publish(Event.CONTAINER, action, r.id().hex(), attributes);
    }
}
