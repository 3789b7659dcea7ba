package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose watch}: not supported (the issue leaves it optional). It exists so the
 * verb fails with a clear message instead of "unknown command"; {@code develop:} sections are
 * accepted by the loader with a warning.
 */
@Command(name = "watch", description = "Watch build context for service and rebuild/refresh containers when files are updated (not supported)")
public final class ComposeWatchCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        throw new CliFailure(1, "compose watch is not supported by berth: run `berth compose up --build` after a change");
    }
}
