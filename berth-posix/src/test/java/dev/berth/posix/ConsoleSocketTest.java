package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console socket as a runtime uses it, with python3 standing in for crun/runc: it opens
 * a pty, sends the master with SCM_RIGHTS, writes to the slave, waits for our answer and
 * reports the window size we set.
 */
class ConsoleSocketTest {

    private static final String SENDER = """
            import os, socket, sys, fcntl, termios, struct
            master, slave = os.openpty()
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            socket.send_fds(s, [b"/dev/pts/x"], [master])
            s.close(); os.close(master)
            os.write(slave, b"from-slave\\n")
            line = b""
            while not line.endswith(b"\\n"):
                line += os.read(slave, 100)
            rows, cols = struct.unpack("HHHH", fcntl.ioctl(slave, termios.TIOCGWINSZ, b"\\0" * 8))[:2]
            print(line.decode().strip(), rows, cols, flush=True)
            """;

    @TempDir
    Path tmp;

    @Test
    void receive_getsTheMasterThatTheRuntimeSent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        try (ConsoleSocket socket = ConsoleSocket.listen(tmp.resolve("console.sock"))) {
            Process sender = new ProcessBuilder("python3", "-c", SENDER, socket.path().toString()).start();
            try (Pty pty = socket.receive()) {
                InputStream in = pty.input();
                byte[] buf = new byte[64];
                int n = in.read(buf);
                assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).startsWith("from-slave");
                pty.resize(33, 120);
                pty.output().write("answer\n".getBytes(StandardCharsets.UTF_8));
                assertThat(sender.waitFor(20, TimeUnit.SECONDS)).isTrue();
                String report = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(report).isEqualTo("answer 33 120");
            } finally {
                sender.destroyForcibly();
            }
        }
    }

    @Test
    void close_endsAPendingReceive() throws Exception {
        ConsoleSocket socket = ConsoleSocket.listen(tmp.resolve("never.sock"));
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100); // lets receive() block in accept first; it fails either way
            } catch (InterruptedException ignored) {
                // closing anyway
            }
            socket.close();
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(socket::receive).isInstanceOf(PosixException.class);
        closer.join();
        assertThat(socket.path()).doesNotExist();
    }
}
