package dev.berth.engine.runtime.spec;

import java.nio.file.Path;

/** Where the container's network stack comes from. */
public sealed interface NetworkNamespace {

    /** A new, empty namespace (only loopback): Docker's {@code --network none}. */
    record Fresh() implements NetworkNamespace {
    }

    /** Join an existing namespace, e.g. one the engine prepared with a veth, or another container's. */
    record Join(Path path) implements NetworkNamespace {
    }

    /** The host's network stack: {@code --network host}. */
    record Host() implements NetworkNamespace {
    }
}
