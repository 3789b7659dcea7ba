package dev.berth.cli.command.system;

import dev.berth.cli.CliFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth inspect [--type container|image]}: any object, containers first. */
@Command(name = "inspect", description = "Return low-level information on berth objects")
public final class InspectCommand extends Inspector.Base {

    @Option(names = "--type", description = "Only inspect objects of the given type")
    String type;

    @Override
    protected Inspector.Kind fixedKind() {
        if (type == null || type.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "container" -> Inspector.Kind.CONTAINER;
            case "image" -> Inspector.Kind.IMAGE;
            default -> throw new CliFailure(1, "\"" + type + "\" is not a valid value for --type");
        };
    }
}
