package dev.berth.cli.command.container;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of {@code attach}, shared with {@code compose attach} (a picocli mixin), which hands them back to it. */
public final class AttachFlags {

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container")
    String detachKeys;

    @Option(names = "--no-stdin", description = "Do not attach STDIN")
    boolean noStdin;

    @Option(names = "--sig-proxy", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Proxy all received signals to the process")
    boolean sigProxy;

    /** The flags as {@code attach} arguments. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (detachKeys != null) {
            args.addAll(List.of("--detach-keys", detachKeys));
        }
        if (noStdin) {
            args.add("--no-stdin");
        }
        args.add("--sig-proxy=" + sigProxy);
        return args;
    }
}
