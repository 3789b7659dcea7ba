package dev.berth.cli.command.compose;

import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.project.ServiceImages;
import dev.berth.compose.project.ServiceSelection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose build}: builds the images of the services that have {@code build:}. */
@Command(name = "build", description = "Build or rebuild services")
public final class ComposeBuildCommand extends ComposeCommand {

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    boolean noCache;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image (accepted)")
    boolean pull;

    @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        ServiceImages images = images();
        for (Service s : ServiceSelection.of(project, services, false)) {
            if (s.build() == null) {
                continue;
            }
            Service built = noCache ? withNoCache(s) : s;
            images.build(project, built);
        }
        return 0;
    }

    private static Service withNoCache(Service s) {
        var b = s.build();
        var spec = new dev.berth.compose.model.BuildSpec(b.context(), b.dockerfile(), b.dockerfileInline(), b.args(),
                b.target(), b.labels(), b.cacheFrom(), b.tags(), b.network(), b.extraHosts(), b.shmSize(), b.platforms(),
                true, b.pull());
        return new Service(s.name(), s.image(), spec, s.command(), s.entrypoint(), s.environment(), s.ports(), s.expose(),
                s.volumes(), s.volumesFrom(), s.tmpfs(), s.networks(), s.networkMode(), s.links(), s.externalLinks(),
                s.dependsOn(), s.healthcheck(), s.restart(), s.deploy(), s.scale(), s.labels(), s.annotations(),
                s.containerName(), s.hostname(), s.domainname(), s.macAddress(), s.user(), s.workingDir(), s.init(),
                s.stopSignal(), s.stopGracePeriod(), s.tty(), s.stdinOpen(), s.readOnly(), s.privileged(), s.capAdd(),
                s.capDrop(), s.securityOpt(), s.extraHosts(), s.dns(), s.dnsSearch(), s.dnsOpt(), s.logging(),
                s.profiles(), s.pullPolicy(), s.platform(), s.configs(), s.secrets(), s.ulimits(), s.sysctls(),
                s.shmSize(), s.pid(), s.ipc(), s.uts(), s.usernsMode(), s.cgroup(), s.cgroupParent(), s.devices(),
                s.groupAdd(), s.runtime(), s.resources(), s.attach());
    }
}
