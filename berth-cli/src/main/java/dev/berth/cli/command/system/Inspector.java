package dev.berth.cli.command.system;

import dev.berth.api.client.ApiException;
import dev.berth.api.client.EngineClient;
import dev.berth.api.client.JsonTrees;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.GoTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * inspect as docker does it: the daemon's objects re-indented in one JSON array (or the
 * template applied to each), then the errors, exit 1 if any. Without a type, a name is tried
 * as a container, then as an image; found nowhere is "Error: No such object: x".
 */
public final class Inspector {

    public enum Kind { CONTAINER, IMAGE, NETWORK, VOLUME }

    private Inspector() {
    }

    /** The options and flow shared by inspect, container inspect and image inspect. */
    public abstract static class Base extends BerthCommand {

        @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
        String format;

        @Parameters(arity = "1..*", paramLabel = "NAME")
        List<String> names;

        /** The only kind to look for, or null to try each. */
        protected abstract Kind fixedKind();

        @Override
        public Integer call() {
            GoTemplate template = format == null || format.isBlank() ? null : Output.template(format);
            EngineClient client = client();
            List<byte[]> found = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (String name : names) {
                try {
                    byte[] object = fixedKind() != null ? fetch(client, fixedKind(), name) : fetchAny(client, name);
                    if (object == null) {
                        errors.add("Error: No such object: " + name);
                    } else {
                        found.add(object);
                    }
                } catch (IOException e) {
                    errors.add(describe(e));
                }
            }
            print(found, template);
            if (!errors.isEmpty()) {
                throw new CliFailure(1, String.join("\n", errors));
            }
            return 0;
        }

        private void print(List<byte[]> found, GoTemplate template) {
            if (template == null) {
                Output.jsonArray(out(), found);
                return;
            }
            for (byte[] object : found) {
                try {
                    Output.each(out(), template, JsonTrees.read(object));
                } catch (IOException e) {
                    throw new CliFailure(1, "berth: the daemon's answer is not JSON: " + e.getMessage());
                }
            }
        }
    }

    static byte[] fetchAny(EngineClient client, String name) throws IOException {
        for (Kind kind : Kind.values()) {
            try {
                return fetch(client, kind, name);
            } catch (ApiException e) {
                if (!e.isNotFound() && !e.getMessage().contains("invalid reference format")) {
                    throw e;
                }
            }
        }
        return null;
    }

    static byte[] fetch(EngineClient client, Kind kind, String name) throws IOException {
        return switch (kind) {
            case CONTAINER -> client.containers().inspectBytes(name);
            case IMAGE -> client.images().inspectBytes(name);
            case NETWORK -> client.networks().inspectBytes(name);
            case VOLUME -> client.volumes().inspectBytes(name);
        };
    }
}
