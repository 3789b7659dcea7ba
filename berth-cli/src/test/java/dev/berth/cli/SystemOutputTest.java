package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** info, version and -f templates as docker 28's CLI prints them for the same daemon answer. */
class SystemOutputTest {

    private final CliHarness cli = new CliHarness();

    @Test
    void info_printsDockersSections() {
        cli.daemon.json("GET", "/info", """
                {"ID":"f6a2","Containers":0,"ContainersRunning":0,"ContainersPaused":0,"ContainersStopped":0,"Images":0,
                 "Driver":"overlayfs","DriverStatus":[["driver-type","berth overlay"]],"DockerRootDir":"/tmp/d",
                 "Plugins":{"Volume":["local"],"Network":["null","host"],"Authorization":null,"Log":["json-file"]},
                 "Debug":false,"LoggingDriver":"json-file","CgroupDriver":"cgroupfs","CgroupVersion":"1",
                 "KernelVersion":"6.1","OperatingSystem":"Debian GNU/Linux 12 (bookworm)","OSType":"linux",
                 "Architecture":"x86_64","RegistryConfig":{"InsecureRegistryCIDRs":["127.0.0.0/8"],"IndexConfigs":{},"Mirrors":[]},
                 "NCPU":2,"MemTotal":25276510208,"HttpProxy":"","Name":"vm","Labels":[],"ExperimentalBuild":false,
                 "ServerVersion":"0.1.0","Runtimes":{"crun":{"path":"crun"}},"DefaultRuntime":"crun",
                 "Swarm":{"NodeID":"","LocalNodeState":"inactive"},"LiveRestoreEnabled":false,
                 "InitBinary":"","ContainerdCommit":{"ID":""},"SecurityOptions":["name=seccomp,profile=builtin"],
                 "Warnings":["runtime: crun (default)"]}""");
        assertThat(cli.run("info")).isZero();
        assertThat(cli.out()).endsWith("""
                Server:
                 Containers: 0
                  Running: 0
                  Paused: 0
                  Stopped: 0
                 Images: 0
                 Server Version: 0.1.0
                 Storage Driver: overlayfs
                  driver-type: berth overlay
                 Logging Driver: json-file
                 Cgroup Driver: cgroupfs
                 Cgroup Version: 1
                 Plugins:
                  Volume: local
                  Network: null host
                  Log: json-file
                 Swarm: inactive
                 Runtimes: crun
                 Default Runtime: crun
                 Init Binary:\s
                 containerd version:\s
                 Security Options:
                  seccomp
                   Profile: builtin
                 Kernel Version: 6.1
                 Operating System: Debian GNU/Linux 12 (bookworm)
                 OSType: linux
                 Architecture: x86_64
                 CPUs: 2
                 Total Memory: 23.54GiB
                 Name: vm
                 ID: f6a2
                 Berth Root Dir: /tmp/d
                 Debug Mode: false
                 Experimental: false
                 Insecure Registries:
                  127.0.0.0/8
                 Live Restore Enabled: false

                """);
        assertThat(cli.err()).isEqualTo("runtime: crun (default)\n");
    }

    @Test
    void badTemplate_isStatus64_beforeAnyRequest() {
        for (String[] line : new String[][] {{"version", "-f", "{{.Foo"}, {"info", "-f", "{{.Foo"}, {"inspect", "-f", "{{.Foo", "x"}}) {
            assertThat(cli.run(line)).isEqualTo(64);
            assertThat(cli.err()).isEqualTo("template parsing error: template: :1: unclosed action\n");
        }
        assertThat(cli.daemon.calls()).isEmpty();
    }

    @Test
    void psBadTemplate_failsToParse_beforeAnyRequest() {
        assertThat(cli.run("ps", "--format", "{{.Foo")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("failed to parse template: template: :1: unclosed action\n");
        assertThat(cli.daemon.calls()).isEmpty();
    }

    @Test
    void create_daemonError_isPlainWithStatus1() {
        cli.daemon.on("POST", "/containers/create.*", 404, "application/json", "{\"message\":\"No such image: ghost:latest\"}");
        cli.daemon.on("POST", "/images/create.*", 404, "application/json",
                "{\"message\":\"manifest for ghost:latest not found: manifest unknown\"}");
        assertThat(cli.run("create", "ghost")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Unable to find image 'ghost:latest' locally\n"
                + "Error response from daemon: manifest for ghost:latest not found: manifest unknown\n");
    }
}
