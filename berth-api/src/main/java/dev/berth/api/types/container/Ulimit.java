package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One {@code --ulimit} of {@code HostConfig.Ulimits}: {@code {"Name":"nofile","Soft":1024,"Hard":2048}}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Ulimit(String name, long soft, long hard) {
}
