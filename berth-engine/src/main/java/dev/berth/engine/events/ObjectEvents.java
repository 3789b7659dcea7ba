package dev.berth.engine.events;

import java.util.Map;

/**
 * What a store of volumes or networks tells the event stream, without depending on it: one
 * call per change, with the action ({@code create}, {@code destroy}, {@code prune}), the
 * object's ID (a volume's name, a network's ID; empty for prune) and dockerd's attributes.
 */
@FunctionalInterface
public interface ObjectEvents {

    ObjectEvents NONE = (action, id, attributes) -> { };

    void emit(String action, String id, Map<String, String> attributes);

    /** Publishes to {@code bus} as events of {@code type} ({@link Event#VOLUME}, {@link Event#NETWORK}). */
    static ObjectEvents to(EventBus bus, String type) {
        return (action, id, attributes) -> bus.publish(type, action, id, attributes);
    }
}
