package dev.berth.cli.command.container;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;

/** What {@code POST /containers/create} will get: the name, Config and HostConfig. */
record CreateRequest(String name, ContainerConfig config, HostConfig hostConfig) {
}
