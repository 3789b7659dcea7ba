package dev.berth.engine.builder.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction, typed. {@code line} is where it starts (1-based);
 * {@code text} is the instruction as written, continuation lines joined (what the build
 * prints as "Step n/m : text"). Arguments that Docker expands are kept raw (quotes and
 * {@code $VAR} as written) and expanded by the builder with {@link ShellLex}; RUN, CMD and
 * ENTRYPOINT are never expanded by the builder (the shell does it).
 */
public sealed interface Instruction {

    int line();

    String text();

    /** {@code FROM [--platform=p] image [AS name]}; {@code name} is null when unnamed. */
    record From(int line, String text, String image, String name, String platform) implements Instruction {
    }

    /** {@code RUN}; a heredoc is folded into the shell command. {@code flags}: --mount, --network, --security. */
    record Run(int line, String text, Command command, RunFlags flags) implements Instruction {
    }

    record Cmd(int line, String text, Command command) implements Instruction {
    }

    record Entrypoint(int line, String text, Command command) implements Instruction {
    }

    /** {@code SHELL ["executable", "param"]} (JSON form only). */
    record Shell(int line, String text, List<String> shell) implements Instruction {
    }

    /** {@code ENV k=v ...} or the legacy {@code ENV k v}; raw keys and values. */
    record Env(int line, String text, List<KeyValue> pairs) implements Instruction {
    }

    record Label(int line, String text, List<KeyValue> pairs) implements Instruction {
    }

    /** {@code ARG name[=default] ...}; a null value means no default. */
    record Arg(int line, String text, List<KeyValue> args) implements Instruction {
    }

    record Expose(int line, String text, List<String> ports) implements Instruction {
    }

    record Workdir(int line, String text, String path) implements Instruction {
    }

    record User(int line, String text, String user) implements Instruction {
    }

    record Volume(int line, String text, List<String> paths) implements Instruction {
    }

    record StopSignal(int line, String text, String signal) implements Instruction {
    }

    /** {@code HEALTHCHECK [flags] CMD ...}, or {@code HEALTHCHECK NONE} ({@code test} null). */
    record Healthcheck(int line, String text, Command test, Map<String, String> flags) implements Instruction {
    }

    /** {@code ONBUILD <instruction>}: recorded in the image, run by builds FROM it. */
    record OnBuild(int line, String text, String trigger) implements Instruction {
    }

    record Maintainer(int line, String text, String name) implements Instruction {
    }

    /**
     * {@code COPY} or {@code ADD}: raw sources (a heredoc source is {@code <<NAME} with its
     * body in {@code heredocs}) and the raw destination; {@code flags}: --from, --chown,
     * --chmod, --link, --checksum, ...
     */
    record Copy(int line, String text, boolean add, List<String> sources, String dest, Map<String, String> flags,
                List<Heredoc> heredocs) implements Instruction {

        public String keyword() {
            return add ? "ADD" : "COPY";
        }
    }

    /** A command in exec form (the argv) or shell form ({@code args} is the one command string). */
    record Command(boolean exec, List<String> args) {
        public static Command shell(String line) {
            return new Command(false, List.of(line));
        }
    }

    /** A raw key and value (value null for an ARG without default). */
    record KeyValue(String key, String value) {
    }

    /**
     * A here-document: {@code content} is its body, each line ending in a newline (leading tabs
     * removed for {@code <<-}); {@code expand} is false when the delimiter was quoted.
     */
    record Heredoc(String name, String content, boolean expand) {
    }
}
