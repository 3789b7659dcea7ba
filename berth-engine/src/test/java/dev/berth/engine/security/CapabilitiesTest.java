package dev.berth.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    private static final List<String> DEFAULTS = List.of("CAP_CHOWN", "CAP_NET_RAW", "CAP_KILL");
    private static final List<String> ALL = List.of("CAP_CHOWN", "CAP_NET_RAW", "CAP_KILL", "CAP_SYS_ADMIN");

    @Test
    void resolve_followsMobysRules() {
        record Case(List<String> add, List<String> drop, boolean privileged, List<String> expected) {
        }
        for (Case c : List.of(
                new Case(null, null, false, DEFAULTS),
                new Case(List.of(), List.of("NET_RAW"), false, List.of("CAP_CHOWN", "CAP_KILL")),
                new Case(List.of("sys_admin"), List.of("cap_net_raw"), false, List.of("CAP_CHOWN", "CAP_KILL", "CAP_SYS_ADMIN")),
                new Case(List.of("CAP_CHOWN"), null, false, DEFAULTS),
                new Case(List.of("ALL"), List.of("KILL"), false, List.of("CAP_CHOWN", "CAP_NET_RAW", "CAP_SYS_ADMIN")),
                new Case(List.of("kill"), List.of("all"), false, List.of("CAP_KILL")),
                new Case(null, List.of("ALL"), false, List.of()),
                new Case(null, List.of("NET_RAW"), true, ALL))) {
            assertThat(Capabilities.resolve(DEFAULTS, c.add(), c.drop(), c.privileged(), ALL)).as(c.toString())
                    .isEqualTo(c.expected());
        }
    }

    @Test
    void unknownNames_areRefusedWithDockersWords() {
        assertThatThrownBy(() -> Capabilities.check(List.of("NET_RAWR"), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("unknown capability: \"CAP_NET_RAWR\"");
    }

    @Test
    void fromMask_namesTheSetBits() {
        assertThat(Capabilities.fromMask(0b1001)).containsExactly("CAP_CHOWN", "CAP_FOWNER");
        assertThat(Capabilities.fromMask(0x1fffeffffffL)).hasSize(40).doesNotContain("CAP_SYS_RESOURCE");
        assertThat(Capabilities.fromMask(-1L)).hasSize(41);
        // Docker's default set is CapEff 00000000a80425fb
        assertThat(Capabilities.fromMask(0xa80425fbL)).hasSize(14).contains("CAP_NET_RAW", "CAP_AUDIT_WRITE");
    }
}
