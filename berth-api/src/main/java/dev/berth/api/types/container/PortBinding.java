package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One host side of a published port ({@code HostConfig.PortBindings["80/tcp"][i]}). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record PortBinding(String hostIp, String hostPort) {
}
