package dev.berth.cli.command.image;

import dev.berth.cli.command.system.Inspector;
import picocli.CommandLine.Command;

/** {@code berth image inspect}: images only. */
@Command(name = "inspect", description = "Display detailed information on one or more images")
public final class ImageInspectCommand extends Inspector.Base {

    @Override
    protected Inspector.Kind fixedKind() {
        return Inspector.Kind.IMAGE;
    }
}
