package dev.berth.api.types.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** A network's {@code IPAM}: the driver and one config per subnet. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Ipam(String driver, Map<String, String> options, List<Config> config) {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Config(String subnet, @JsonProperty("IPRange") String ipRange, String gateway) {
    }
}
