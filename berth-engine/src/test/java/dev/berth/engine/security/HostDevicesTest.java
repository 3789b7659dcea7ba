package dev.berth.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.DeviceMapping;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDevicesTest {

    @Test
    void aCharacterDevice_isReadWithItsNumbers_atThePathInside() {
        HostDevice zero = HostDevices.of(new DeviceMapping("/dev/zero", "/dev/mydev", "rw")).getFirst();
        assertThat(zero).isEqualTo(new HostDevice("/dev/mydev", 'c', 1, 5, zero.fileMode(), 0, 0, "rw"));
        assertThat(zero.toCgroupRule().toString())
                .isEqualTo("{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":5,\"access\":\"rw\"}");
        assertThat(HostDevices.of(new DeviceMapping("/dev/null", "", "")).getFirst().path()).isEqualTo("/dev/null");
    }

    @Test
    void whatIsNoDevice_failsWithDockerdsMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> HostDevices.of(new DeviceMapping(file.toString(), "/dev/f", "rwm")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("error gathering device information while adding custom device \"" + file + "\": not a device node");
        assertThatThrownBy(() -> HostDevices.of(new DeviceMapping("/dev/nope", "/dev/nope", "rwm")))
                .hasMessageEndingWith("\"/dev/nope\": no such file or directory");
    }

    @Test
    void mappingForms_areChecked() {
        assertThat(List.of("r", "rw", "mwr", "m")).allMatch(HostDevices::validPermissions);
        assertThat(List.of("", "rr", "rwmx", "x")).noneMatch(HostDevices::validPermissions);
        assertThatThrownBy(() -> HostDevices.check(new DeviceMapping("/dev/zero", "rel", "rwm")))
                .hasMessage("bad format for path: rel");
    }

    @Test
    void devNumbers_splitAsGlibcDoes() {
        assertThat(HostDevices.major(0x0105)).isEqualTo(1);
        assertThat(HostDevices.minor(0x0105)).isEqualTo(5);
        // gnu_dev_makedev(0x1234, 0x56789)
        long dev = 0x89L | (0x234L << 8) | (0x56700L << 12) | (0x1000L << 32);
        assertThat(HostDevices.major(dev)).isEqualTo(0x1234);
        assertThat(HostDevices.minor(dev)).isEqualTo(0x56789);
    }
}
