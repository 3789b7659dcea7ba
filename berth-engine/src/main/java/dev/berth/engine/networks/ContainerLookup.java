package dev.berth.engine.networks;

/**
 * How networks find containers they do not own: {@code network connect CONTAINER} and
 * {@code --network container:NAME} name a container by name, ID or ID prefix. The daemon
 * wires it to the container store; networks must not depend on the containers package.
 */
@FunctionalInterface
public interface ContainerLookup {

    /** A container as networks see it; {@code pid} is 0 unless running. */
    record Found(String id, String name, boolean running, int pid) {
    }

    /** The container {@code ref} names; throws NotFoundException ("No such container: ref") otherwise. */
    Found find(String ref);
}
