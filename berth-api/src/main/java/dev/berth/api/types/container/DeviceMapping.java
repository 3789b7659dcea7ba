package dev.berth.api.types.container;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One {@code --device} of {@code HostConfig.Devices}:
 * {@code {"PathOnHost":"/dev/zero","PathInContainer":"/dev/mydev","CgroupPermissions":"rwm"}}.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record DeviceMapping(String pathOnHost, String pathInContainer, String cgroupPermissions) {
}
