package dev.berth.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code berth container} / {@code berth image} without a verb: prints its usage, as docker does. */
public abstract class ManagementCommand extends BerthCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }
}
