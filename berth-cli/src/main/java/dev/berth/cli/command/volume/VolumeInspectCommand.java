package dev.berth.cli.command.volume;

import dev.berth.cli.command.system.Inspector;
import picocli.CommandLine.Command;

/** {@code berth volume inspect}: volumes only. */
@Command(name = "inspect", description = "Display detailed information on one or more volumes")
public final class VolumeInspectCommand extends Inspector.Base {

    @Override
    protected Inspector.Kind fixedKind() {
        return Inspector.Kind.VOLUME;
    }
}
