package dev.berth.engine.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysctlsTest {

    @Test
    void namespacedKeys_pass() {
        for (String key : new String[] {"net.ipv4.ip_forward", "kernel.shmmax", "kernel.sem", "fs.mqueue.msg_max",
                "kernel.shm_rmid_forced", "kernel.msgmnb"}) {
            assertThatCode(() -> Sysctls.check(Map.of(key, "1"), "bridge", "")).as(key).doesNotThrowAnyException();
        }
    }

    @Test
    void hostWideKeys_andNetOnTheHostNetwork_areRefused() {
        for (String key : new String[] {"kernel.domainname", "vm.swappiness", "fs.file-max", "kernel.shmfoo"}) {
            assertThatThrownBy(() -> Sysctls.check(Map.of(key, "1"), "bridge", "")).as(key)
                    .isInstanceOf(InvalidArgumentException.class).hasMessage("sysctl '" + key + "=1' is not allowed");
        }
        assertThatThrownBy(() -> Sysctls.check(Map.of("net.ipv4.ip_forward", "1"), "host", ""))
                .hasMessageStartingWith("sysctl 'net.ipv4.ip_forward=1' is not allowed: the container shares");
        assertThatThrownBy(() -> Sysctls.check(Map.of("kernel.shmmax", "1"), "bridge", "host"))
                .hasMessageEndingWith("the container shares the host's IPC namespace");
    }
}
