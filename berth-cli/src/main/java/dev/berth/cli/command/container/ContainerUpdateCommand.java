package dev.berth.cli.command.container;

import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.DeclaredCommand;
import dev.berth.cli.command.SpecBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code berth update [OPTIONS] CONTAINER...}: changes limits and the restart policy, prints each name. */
public final class ContainerUpdateCommand extends BerthCommand implements DeclaredCommand {

    private final LimitFlags limits = new LimitFlags();
    private String restart;
    private List<String> containers = new ArrayList<>();

    @Override
    public CommandSpec spec() {
        return limits.declareUpdatable(new SpecBuilder(this, "update", "Update configuration of one or more containers")
                        .synopsis("berth update [OPTIONS] CONTAINER [CONTAINER...]"))
                .value(String.class, "Restart policy to apply when a container exits", "restart", v -> restart = v, "--restart")
                .positional(PositionalParamSpec.builder().index("0..*").arity("1..*").paramLabel("CONTAINER")
                        .type(List.class).auxiliaryTypes(String.class), containers, v -> containers = v)
                .build();
    }

    @Override
    public Integer call() {
        Map<String, Object> changes = new LinkedHashMap<>();
        try {
            limits.putInto(changes);
            if (restart != null) {
                changes.put("RestartPolicy", CreateRequestMapper.restartPolicy(restart));
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(125, e.getMessage());
        }
        if (changes.isEmpty() && limits.kernelMemory == null) {
            throw new CliFailure(1, "you must provide one or more flags when using this command");
        }
        return forEachEchoed(containers, name -> client().resources().update(name, changes)
                .forEach(w -> err().println("Warning: " + w)));
    }
}
