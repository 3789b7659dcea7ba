package dev.berth.cli.command.network;

import dev.berth.cli.command.system.Inspector;
import picocli.CommandLine.Command;

/** {@code berth network inspect}: networks only. */
@Command(name = "inspect", description = "Display detailed information on one or more networks")
public final class NetworkInspectCommand extends Inspector.Base {

    @Override
    protected Inspector.Kind fixedKind() {
        return Inspector.Kind.NETWORK;
    }
}
