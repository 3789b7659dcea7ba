package dev.berth.compose.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.DependencyCondition;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.MountType;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.ServiceVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMapperTest {

    private static final ServiceMapper.FileSources NO_FILES = new ServiceMapper.FileSources() {
        @Override
        public Path config(Project project, String key) {
            throw new AssertionError("no configs here");
        }

        @Override
        public Path secret(Project project, String key) {
            throw new AssertionError("no secrets here");
        }
    };

    private static Service web(String greeting, Map<String, Dependency> deps) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GREETING", greeting);
        env.put("UNSET", null);
        Map<String, ServiceNetwork> networks = new LinkedHashMap<>();
        networks.put("default", ServiceNetwork.DEFAULT);
        networks.put("back", new ServiceNetwork(List.of("site"), null, null, null, 0, List.of()));
        return Models.service("web", "busybox", env,
                List.of(new PortMapping(8080, "18080", "127.0.0.1", "tcp", null, null, null)),
                List.of(new ServiceVolume(MountType.VOLUME, "data", "/data", false, null, null, null, null),
                        new ServiceVolume(MountType.BIND, "/srv/app/conf", "/conf", true, null, null, null, null),
                        new ServiceVolume(MountType.VOLUME, null, "/cache", false, null, null, null, null)),
                networks, deps,
                new Healthcheck(List.of("CMD-SHELL", "true"), Duration.ofSeconds(2), null, 3, null, null, false));
    }

    private static ContainerTemplate template(Service s) throws IOException {
        Project p = Models.project("app", s);
        return ServiceMapper.template(p, s, "busybox", NO_FILES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void body_hasComposesConfigHostConfigAndPrimaryEndpoint() throws IOException {
        ContainerTemplate t = template(web("hi", Map.of()));
        Map<String, Object> body = t.body();
        assertThat(body.get("Image")).isEqualTo("busybox");
        assertThat(body.get("Env")).isEqualTo(List.of("GREETING=hi"));
        assertThat((Map<String, String>) body.get("Labels")).containsEntry("com.docker.compose.project", "app")
                .containsEntry("com.docker.compose.service", "web").containsEntry("com.docker.compose.oneoff", "False")
                .containsEntry("com.docker.compose.project.working_dir", "/srv/app")
                .containsEntry("com.docker.compose.project.config_files", "/srv/app/compose.yaml");
        assertThat(body.get("ExposedPorts")).isEqualTo(Map.of("8080/tcp", Map.of()));
        assertThat(body.get("Healthcheck")).isEqualTo(Map.of("Test", List.of("CMD-SHELL", "true"),
                "Interval", 2_000_000_000L, "Retries", 3));
        Map<String, Object> host = (Map<String, Object>) body.get("HostConfig");
        // compose's order: priority, then name; the first is joined at create, the others after
        assertThat(host.get("NetworkMode")).isEqualTo("app_back");
        assertThat(host.get("PortBindings")).isEqualTo(Map.of("8080/tcp", List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "18080"))));
        assertThat(host.get("Binds")).isEqualTo(List.of("/srv/app/conf:/conf:ro"));
        assertThat(host.get("Mounts")).isEqualTo(List.of(
                Map.of("Type", "volume", "Source", "app_data", "Target", "/data"),
                Map.of("Type", "volume", "Target", "/cache")));
        assertThat(host.get("RestartPolicy")).isEqualTo(Map.of("Name", "no"));
        assertThat(body.get("NetworkingConfig")).isEqualTo(Map.of("EndpointsConfig",
                Map.of("app_back", Map.of("Aliases", List.of("web", "site")))));
        assertThat(t.extraNetworks()).isEqualTo(Map.of("app_default", List.of("web")));
    }

    @Test
    void hash_isStable_andChangesOnlyWithWhatReachesTheContainer() throws IOException {
        String hash = template(web("hi", Map.of())).hash();
        assertThat(template(web("hi", Map.of())).hash()).isEqualTo(hash).hasSize(64);
        assertThat(template(web("bye", Map.of())).hash()).isNotEqualTo(hash);
        // depends_on is not part of the container: changing it recreates nothing
        assertThat(template(web("hi", Map.of("db", new Dependency(DependencyCondition.SERVICE_HEALTHY, true, true)))).hash())
                .isEqualTo(hash);
    }

    @Test
    @SuppressWarnings("unchecked")
    void forContainer_addsTheHashAndReplicaLabels_withoutTouchingTheTemplate() throws IOException {
        Service s = web("hi", Map.of("db", new Dependency(DependencyCondition.SERVICE_HEALTHY, false, true)));
        ContainerTemplate t = template(s);
        Map<String, Object> body = Up.body(Models.project("app", s), s, t, 2);
        assertThat((Map<String, String>) body.get("Labels")).containsEntry("com.docker.compose.container-number", "2")
                .containsEntry("com.docker.compose.config-hash", t.hash())
                .containsEntry("com.docker.compose.depends_on", "db:service_healthy:false");
        assertThat((Map<String, String>) t.body().get("Labels")).doesNotContainKey("com.docker.compose.container-number");
    }

    @Test
    void restartPolicy_restartWins_elseDeployConditionMapsToDockers() {
        assertThat(ServiceMapper.restartPolicy(withRestart("on-failure:3"))).isEqualTo(Map.of("Name", "on-failure", "MaximumRetryCount", 3));
        assertThat(ServiceMapper.restartPolicy(withRestart("unless-stopped"))).isEqualTo(Map.of("Name", "unless-stopped"));
        assertThat(ServiceMapper.restartPolicy(withRestart(null))).isEqualTo(Map.of("Name", "no"));
    }

    private static Service withRestart(String restart) {
        Service s = Models.simple("x", Map.of());
        return new Service(s.name(), s.image(), s.build(), s.command(), s.entrypoint(), s.environment(), s.ports(), s.expose(),
                s.volumes(), s.volumesFrom(), s.tmpfs(), s.networks(), s.networkMode(), s.links(), s.externalLinks(),
                s.dependsOn(), s.healthcheck(), restart, s.deploy(), s.scale(), s.labels(), s.annotations(),
                s.containerName(), s.hostname(), s.domainname(), s.macAddress(), s.user(), s.workingDir(), s.init(),
                s.stopSignal(), s.stopGracePeriod(), s.tty(), s.stdinOpen(), s.readOnly(), s.privileged(), s.capAdd(),
                s.capDrop(), s.securityOpt(), s.extraHosts(), s.dns(), s.dnsSearch(), s.dnsOpt(), s.logging(),
                s.profiles(), s.pullPolicy(), s.platform(), s.configs(), s.secrets(), s.ulimits(), s.sysctls(),
                s.shmSize(), s.pid(), s.ipc(), s.uts(), s.usernsMode(), s.cgroup(), s.cgroupParent(), s.devices(),
                s.groupAdd(), s.runtime(), s.resources(), s.attach(), s.develop());
    }
}
