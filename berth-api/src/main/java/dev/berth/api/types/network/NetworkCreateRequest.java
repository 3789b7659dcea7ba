package dev.berth.api.types.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** The body of {@code POST /networks/create}; unknown fields (CheckDuplicate, Scope...) are ignored. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkCreateRequest(String name, String driver, Boolean internal, Boolean attachable,
        @JsonProperty("IPAM") Ipam ipam, @JsonProperty("EnableIPv6") Boolean enableIpv6,
        Map<String, String> options, Map<String, String> labels) {
}
