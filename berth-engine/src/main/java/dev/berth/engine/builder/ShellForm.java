package dev.berth.engine.builder;

import dev.berth.engine.builder.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/** A RUN, CMD or ENTRYPOINT command as the process it starts: exec form as written, shell form wrapped in SHELL. */
final class ShellForm {

    private ShellForm() {
    }

    /** {@code shell}: the config's SHELL, or null/empty for Docker's default {@code /bin/sh -c}. */
    static List<String> argv(Instruction.Command command, List<String> shell) {
        if (command.exec()) {
            return command.args();
        }
        List<String> out = new ArrayList<>(shell == null || shell.isEmpty() ? List.of("/bin/sh", "-c") : shell);
        out.add(command.args().getFirst());
        return out;
    }
}
