package dev.berth.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.Mount;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MountParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /host:/ctr         | BIND   | /host | /ctr | false | ''    | rprivate
            /host:/ctr:ro      | BIND   | /host | /ctr | true  | ro    | rprivate
            /host:/ctr:rw,shared | BIND | /host | /ctr | false | rw,shared | shared
            data:/ctr          | VOLUME | data  | /ctr | false | z     | ''
            data:/ctr:ro       | VOLUME | data  | /ctr | true  | ro    | ''
            /anon              | VOLUME | ''    | /anon | false | ''   | ''
            /anon:ro           | VOLUME | ''    | /anon | true | ro    | ''
            data:/ctr/         | VOLUME | data  | /ctr | false | z     | ''
            """)
    void bind_parsesDockersShortForm(String spec, ContainerMount.Type type, String source, String destination,
            boolean readOnly, String mode, String propagation) {
        MountRequest r = MountParser.bind(spec);
        assertThat(r.type()).isEqualTo(type);
        assertThat(r.source()).isEqualTo(source);
        assertThat(r.destination()).isEqualTo(destination);
        assertThat(r.readOnly()).isEqualTo(readOnly);
        assertThat(r.mode()).isEqualTo(mode);
        assertThat(r.propagation()).isEqualTo(propagation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /host:ctr          | mount path must be absolute
            data:/             | destination can't be '/'
            /host:/ctr:bogus   | invalid mode: bogus
            a:b:c:d            | invalid volume specification
            b@d:/ctr           | includes invalid characters
            """)
    void bind_refusesWhatDockerRefuses(String spec, String message) {
        assertThatThrownBy(() -> MountParser.bind(spec)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nocopy_turnsCopyUpOff() {
        assertThat(MountParser.bind("data:/ctr").copyUp()).isTrue();
        assertThat(MountParser.bind("data:/ctr:nocopy").copyUp()).isFalse();
    }

    @Test
    void mount_bindNeedsAnExistingSource() {
        assertThatThrownBy(() -> MountParser.mount(new Mount("bind", "/no/such/dir", "/x", null, null, null, null)))
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: /no/such/dir");
        assertThat(MountParser.mount(new Mount("bind", "/tmp", "/x", true, null, null, null)).readOnly()).isTrue();
    }

    @Test
    void mount_tmpfsSizeAndModeBecomeOptions() {
        MountRequest r = MountParser.mount(new Mount("tmpfs", null, "/t", null, null, null,
                new Mount.TmpfsOptions(1048576L, 01777)));
        assertThat(r.tmpfsOptions()).containsExactly("noexec", "nosuid", "nodev", "size=1048576", "mode=1777");
        assertThat(r.listed()).isTrue();
    }

    @Test
    void tmpfs_userOptionsOverrideDefaults() {
        assertThat(MountParser.tmpfsOptions(List.of("exec", "size=64m")))
                .containsExactly("exec", "nosuid", "nodev", "size=64m");
        assertThat(MountParser.tmpfs("/run", "").listed()).isFalse();
    }

    @Test
    void user_refusesTwoMountsOnOneDestination() {
        var host = new dev.berth.api.types.container.HostConfig(List.of("aa:/d", "bb:/d/"), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> MountParser.user(host)).hasMessage("Duplicate mount point: /d");
    }
}
