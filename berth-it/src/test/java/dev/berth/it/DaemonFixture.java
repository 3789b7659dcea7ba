package dev.berth.it;

import dev.berth.testkit.Berthd;
import dev.berth.testkit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One real berthd per test class (runc unless the class says otherwise), with
 * {@code busybox:latest} bootstrapped from the host, stopped and cleaned up after the class;
 * a failing test prints the daemon's warnings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DaemonLogOnFailure.class)
abstract class DaemonFixture {

    protected Berthd daemon;

    protected String runtime() {
        return "runc";
    }

    @BeforeAll
    void startDaemon() {
        daemon = Berthd.start(runtime());
        daemon.berth("image", "bootstrap", "busybox").assertSuccess();
    }

    @AfterAll
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    protected CommandResult berth(String... args) {
        return daemon.berth(args);
    }

    protected CommandResult docker(String... args) {
        return daemon.docker(args);
    }

    /** The berth CLI against this daemon as one shell command line (for a {@link dev.berth.testkit.Tmux}). */
    protected String berthCommand(String... args) {
        return daemon.berthCommandLine(args);
    }
}
