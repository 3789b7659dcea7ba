package dev.berth.daemon;

import dev.berth.engine.metadata.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The daemon's pid file: refuses to start when another live berthd holds it. */
final class PidFile {

    private PidFile() {
    }

    static void claim(Path file) throws IOException {
        if (file == null) {
            return;
        }
        if (Files.exists(file)) {
            String text = Files.readString(file).strip();
            try {
                long pid = Long.parseLong(text);
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IOException("pid file found, ensure berthd is not running or delete " + file
                            + " (process " + pid + " is alive)");
                }
            } catch (NumberFormatException stale) {
                // garbage from a crash: overwrite it
            }
        }
        AtomicFiles.write(file, (ProcessHandle.current().pid() + "\n").getBytes());
    }

    static void release(Path file) {
        if (file == null) {
            return;
        }
        try {
            String text = Files.readString(file).strip();
            if (text.equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
