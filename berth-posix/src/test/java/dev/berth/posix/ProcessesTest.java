package dev.berth.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void kill_withSigkillEndsTheProcessWith137() throws Exception {
        Process p = new ProcessBuilder("sleep", "100").start();
        try {
            Processes.kill(p.pid(), Processes.SIGKILL);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(128 + Processes.SIGKILL);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void exists_isTrueForALiveProcessAndFalseAfterItIsReaped() throws Exception {
        Process p = new ProcessBuilder("sleep", "100").start();
        assertThat(Processes.exists(p.pid())).isTrue();
        p.destroyForcibly().waitFor();
        assertThat(Processes.exists(p.pid())).isFalse();
    }

    @Test
    void kill_unknownPidFailsWithEsrch() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThatThrownBy(() -> Processes.kill(p.pid(), Processes.SIGTERM))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void pidfdOpen_givesADescriptorForALiveProcess() throws Exception {
        int fd = Processes.pidfdOpen(ProcessHandle.current().pid());
        assertThat(fd).isGreaterThan(2);
        Processes.close(fd);
    }

    @Test
    void setChildSubreaper_isReadBack() throws Exception {
        boolean before = Processes.isChildSubreaper();
        try {
            Processes.setChildSubreaper(true);
            assertThat(Processes.isChildSubreaper()).isTrue();
        } finally {
            Processes.setChildSubreaper(before);
        }
    }
}
