package dev.berth.cli.command.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.berth.compose.project.UpOptions;
import picocli.CommandLine.Option;

/** The convergence flags {@code up} and {@code create} share (a picocli mixin). */
final class ConvergenceFlags {

    @Option(names = "--build", description = "Build images before starting containers")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
    boolean noBuild;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = "--scale", description = "Scale SERVICE to NUM instances. Overrides the scale setting in the Compose file if present")
    List<String> scale = new ArrayList<>();

    UpOptions options(List<String> services, boolean noDeps, boolean start, Duration timeout, Duration waitTimeout) {
        return new UpOptions(services, noDeps, forceRecreate, noRecreate, build, noBuild, removeOrphans,
                ComposeCommand.scales(scale), start, timeout, waitTimeout);
    }
}
