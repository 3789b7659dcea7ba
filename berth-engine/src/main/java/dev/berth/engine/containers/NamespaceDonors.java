package dev.berth.engine.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.security.NamespaceModes;
import java.util.function.Function;

/**
 * {@code --pid container:NAME} and {@code --ipc container:NAME}: the other container whose
 * namespace a container joins, found by the store's name, ID or ID-prefix lookup. At create
 * it must exist; at start it must be running (not restarting) and, for IPC, shareable; then
 * the spec joins {@code /proc/<its init pid>/ns/<type>}. The refusals are dockerd's words;
 * at start they are server errors, as dockerd reports any failure to build a spec.
 */
final class NamespaceDonors {

    private final Function<String, ContainerRecord> lookup;

    /** @param lookup the container a reference names; throws NotFoundException ("No such container: REF") */
    NamespaceDonors(Function<String, ContainerRecord> lookup) {
        this.lookup = lookup;
    }

    /** At create: each named container exists (dockerd: "No such container: NAME"). */
    void checkExist(HostConfig h) {
        NamespaceModes.joinedContainer(h.pidMode()).ifPresent(lookup::apply);
        NamespaceModes.joinedContainer(h.ipcMode()).ifPresent(lookup::apply);
    }

    /** At start: points the spec's PID and IPC namespaces at the named containers' ones. */
    void join(ObjectNode spec, HostConfig h) {
        NamespaceModes.joinedContainer(h.pidMode()).ifPresent(ref ->
                NamespaceModes.join(spec, "pid", running(ref, "PID").state().pid()));
        NamespaceModes.joinedContainer(h.ipcMode()).ifPresent(ref -> {
            ContainerRecord donor = running(ref, "IPC");
            if (!NamespaceModes.ipcShareable(donor.hostConfig().ipcMode())) {
                throw new SystemException("failed to join IPC namespace: container " + donor.id().hex()
                        + ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)");
            }
            NamespaceModes.join(spec, "ipc", donor.state().pid());
        });
    }

    private ContainerRecord running(String ref, String kind) {
        String failed = "failed to join " + kind + " namespace: ";
        ContainerRecord donor;
        try {
            donor = lookup.apply(ref);
        } catch (BerthException e) {
            throw new SystemException(failed + e.getMessage(), e);
        }
        if (donor.state().status() == ContainerStatus.RESTARTING) {
            throw new SystemException(failed + "Container " + donor.id().hex()
                    + " is restarting, wait until the container is running");
        }
        if (!donor.isRunning() || donor.state().pid() <= 0) {
            throw new SystemException(failed + "container " + donor.id().hex() + " is not running");
        }
        return donor;
    }
}
