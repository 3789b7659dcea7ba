package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFilesTest {

    @TempDir
    Path dir;

    @Test
    void hosts_namesLocalhostTheContainerAndExtraHosts() {
        String hosts = EtcFiles.hosts("abc123", List.of("db:10.0.0.5"));
        assertThat(hosts).contains("127.0.0.1\tlocalhost\n").contains("\tabc123\n").contains("10.0.0.5\tdb\n");
    }

    @Test
    void resolvConf_dropsLoopbackNameservers() throws Exception {
        Path host = dir.resolve("host-resolv.conf");
        Files.writeString(host, "search example.org\nnameserver 127.0.0.53\nnameserver 10.1.2.3\n");
        assertThat(EtcFiles.resolvConf(host)).isEqualTo("search example.org\nnameserver 10.1.2.3\n");
    }

    @Test
    void resolvConf_fallsBackToPublicResolversWhenOnlyLoopbackIsConfigured() throws Exception {
        Path host = dir.resolve("host-resolv.conf");
        Files.writeString(host, "nameserver 127.0.0.1\n");
        assertThat(EtcFiles.resolvConf(host)).contains("nameserver 8.8.8.8");
    }

    @Test
    void writeIfMissing_keepsEditsMadeInTheContainer() throws Exception {
        EtcFiles.writeIfMissing(dir, "first", List.of(), null);
        Files.writeString(dir.resolve(EtcFiles.HOSTNAME), "edited\n");
        EtcFiles.writeIfMissing(dir, "second", List.of(), null);
        assertThat(Files.readString(dir.resolve(EtcFiles.HOSTNAME))).isEqualTo("edited\n");
    }
}
