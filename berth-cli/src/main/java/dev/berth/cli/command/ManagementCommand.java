package dev.berth.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code berth container} / {@code berth image} without a verb: prints its usage, as docker does. */
public abstract class ManagementCommand extends BerthCommand {

    @Spec
    CommandSpec spec;

    /** For a {@link DeclaredCommand}, which picocli does not inject: remembers its spec and returns it. */
    protected final CommandSpec declared(CommandSpec declared) {
        this.spec = declared;
        return declared;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }
}
