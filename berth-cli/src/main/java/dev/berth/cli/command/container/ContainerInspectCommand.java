package dev.berth.cli.command.container;

import dev.berth.cli.command.system.Inspector;
import picocli.CommandLine.Command;

/** {@code berth container inspect}: containers only. */
@Command(name = "inspect", description = "Display detailed information on one or more containers")
public final class ContainerInspectCommand extends Inspector.Base {

    @Override
    protected Inspector.Kind fixedKind() {
        return Inspector.Kind.CONTAINER;
    }
}
