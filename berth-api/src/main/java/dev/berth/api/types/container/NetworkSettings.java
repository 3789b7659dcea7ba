package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code NetworkSettings} of inspect; until networks land, containers have loopback only. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record NetworkSettings(
        String bridge,
        @JsonProperty("SandboxID") String sandboxId,
        String sandboxKey,
        Map<String, List<PortBinding>> ports,
        String gateway,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        String macAddress,
        Map<String, EndpointSettings> networks) {

    /** One network the container is attached to. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record EndpointSettings(
            List<String> aliases,
            @JsonProperty("NetworkID") String networkId,
            @JsonProperty("EndpointID") String endpointId,
            String gateway,
            @JsonProperty("IPAddress") String ipAddress,
            @JsonProperty("IPPrefixLen") int ipPrefixLen,
            String macAddress,
            @JsonProperty("DNSNames") List<String> dnsNames) {
    }
}
