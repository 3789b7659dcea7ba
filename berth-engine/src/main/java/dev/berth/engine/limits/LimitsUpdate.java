package dev.berth.engine.limits;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.error.ConflictException;
import java.util.List;

/**
 * {@code POST /containers/{id}/update}: which fields of the request change the stored
 * {@code HostConfig}, as dockerd's UpdateContainer decides (a zero number or empty string
 * leaves the field alone; {@code PidsLimit} and {@code RestartPolicy} change when present).
 */
public final class LimitsUpdate {

    // The fields `docker update` may change, by their API name.
    private static final List<String> NUMBERS = List.of("Memory", "MemorySwap", "MemoryReservation", "NanoCpus",
            "CpuShares", "CpuPeriod", "CpuQuota", "BlkioWeight");
    private static final List<String> STRINGS = List.of("CpusetCpus", "CpusetMems");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private LimitsUpdate() {
    }

    /**
     * {@code current} with the changes of {@code request} applied.
     *
     * @throws ConflictException when the new memory limit exceeds the memory+swap limit
     *         already set and the request does not change that too (dockerd's rule)
     */
    public static HostConfig merge(HostConfig current, HostConfig request) {
        ObjectNode base = JSON.valueToTree(current);
        ObjectNode changes = JSON.valueToTree(request);
        long memory = request.memory() == null ? 0 : request.memory();
        long swapNow = ResourceLimits.effectiveSwap(current);
        if (memory != 0 && (request.memorySwap() == null || request.memorySwap() == 0)) {
            if (swapNow > 0 && memory > swapNow) {
                throw new ConflictException("Memory limit should be smaller than already set memoryswap limit, "
                        + "update the memoryswap at the same time");
            }
            // keep the swap limit that was in force (dockerd stores 2 x Memory at create)
            base.put("MemorySwap", swapNow);
        }
        for (String field : NUMBERS) {
            if (changes.path(field).asLong(0) != 0) {
                base.set(field, changes.get(field));
            }
        }
        for (String field : STRINGS) {
            if (!changes.path(field).asText("").isEmpty()) {
                base.set(field, changes.get(field));
            }
        }
        if (changes.has("PidsLimit") && !changes.get("PidsLimit").isNull()) {
            base.set("PidsLimit", changes.get("PidsLimit"));
        }
        if (request.restartPolicy() != null && request.restartPolicy().name() != null
                && !request.restartPolicy().name().isEmpty()) {
            base.set("RestartPolicy", changes.get("RestartPolicy"));
        }
        return JSON.convertValue(base, HostConfig.class);
    }
}
