package dev.berth.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPropagationTest {

    static final String MOUNTINFO = String.join("\n",
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "40 27 0:40 / /srv rw,relatime shared:7 - tmpfs tmpfs rw",
            "41 40 0:41 / /srv/slave rw,relatime master:7 - tmpfs tmpfs rw",
            "42 40 0:42 / /srv/both rw,relatime shared:9 master:7 - tmpfs tmpfs rw",
            "43 27 0:43 / /with\\040space rw shared:3 - tmpfs tmpfs rw",
            "44 40 0:44 / /srv rw,relatime - tmpfs tmpfs rw",
            "");

    /** path -> the mount holding it, shared, slave */
    @ParameterizedTest
    @CsvSource(textBlock = """
            /etc/passwd,        /,           false, false
            /srvx,              /,           false, false
            /srv/a/b,           /srv,        false, false
            /srv/slave/x,       /srv/slave,  false, true
            /srv/both,          /srv/both,   true,  true
            /with space/d,      /with space, true,  false
            """)
    void holderOf_isTheDeepestMountAndTheLastOnTop(String path, String point, boolean shared, boolean slave) {
        assertThat(HostPropagation.holderOf(path, MOUNTINFO)).isEqualTo(new HostPropagation.Holder(point, shared, slave));
    }
}
