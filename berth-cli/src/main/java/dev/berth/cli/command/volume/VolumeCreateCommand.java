package dev.berth.cli.command.volume;

import dev.berth.api.types.volume.VolumeCreateRequest;
import dev.berth.cli.CliFailure;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth volume create [NAME]}: prints the volume's name. */
@Command(name = "create", description = "Create a volume")
public final class VolumeCreateCommand extends BerthCommand {

    @Option(names = {"-d", "--driver"}, defaultValue = "local", description = "Specify volume driver name")
    String driver;

    @Option(names = "--name", description = "Specify volume name")
    String nameFlag;

    @Option(names = {"-o", "--opt"}, description = "Set driver specific options")
    List<String> options = new ArrayList<>();

    @Option(names = "--label", description = "Set metadata for a volume")
    List<String> labels = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "VOLUME")
    String name;

    @Override
    public Integer call() throws IOException {
        if (name != null && nameFlag != null && !name.equals(nameFlag)) {
            throw new CliFailure(1, "conflicting options: cannot specify a volume-name through both --name and as"
                    + " a positional arg");
        }
        String n = name != null ? name : nameFlag;
        var v = client().volumes().create(new VolumeCreateRequest(n == null ? "" : n, driver, pairs(options),
                pairs(labels)));
        out().println(v.name());
        return 0;
    }

    static Map<String, String> pairs(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String kv : values) {
            int eq = kv.indexOf('=');
            map.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return map;
    }
}
