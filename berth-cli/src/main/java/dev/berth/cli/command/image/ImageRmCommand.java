package dev.berth.cli.command.image;

import dev.berth.api.types.image.ImageDeleteItem;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth rmi} / {@code image rm}: "Untagged: x" and "Deleted: sha256:..." lines, as the daemon reports them. */
@Command(name = "rmi", description = "Remove one or more images")
public final class ImageRmCommand extends BerthCommand {

    @Option(names = {"-f", "--force"}, description = "Force removal of the image")
    boolean force;

    @Option(names = "--no-prune", description = "Do not delete untagged parents")
    boolean noPrune;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() {
        List<String> errors = new ArrayList<>();
        for (String image : images) {
            try {
                for (ImageDeleteItem item : client().images().remove(image, force, noPrune)) {
                    if (item.untagged() != null) {
                        out().println("Untagged: " + item.untagged());
                    }
                    if (item.deleted() != null) {
                        out().println("Deleted: " + item.deleted());
                    }
                }
            } catch (IOException e) {
                errors.add(describe(e));
            }
        }
        return failIfAny(errors);
    }
}
