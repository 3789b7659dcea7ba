package dev.berth.api.types.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** One network of {@code GET /networks} and {@code GET /networks/{id}}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record NetworkResource(
        String name,
        @JsonProperty("Id") String id,
        String created,
        String scope,
        String driver,
        @JsonProperty("EnableIPv4") boolean enableIpv4,
        @JsonProperty("EnableIPv6") boolean enableIpv6,
        @JsonProperty("IPAM") Ipam ipam,
        boolean internal,
        boolean attachable,
        boolean ingress,
        Map<String, String> configFrom,
        boolean configOnly,
        Map<String, EndpointResource> containers,
        Map<String, String> options,
        Map<String, String> labels) {

    /** A container on the network as inspect lists it. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record EndpointResource(String name, @JsonProperty("EndpointID") String endpointId, String macAddress,
            @JsonProperty("IPv4Address") String ipv4Address, @JsonProperty("IPv6Address") String ipv6Address) {
    }
}
