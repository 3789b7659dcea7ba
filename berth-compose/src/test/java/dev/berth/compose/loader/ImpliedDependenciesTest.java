package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.DependencyCondition;
import dev.berth.compose.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The depends_on that docker compose infers from shared namespaces, volumes_from and links. */
class ImpliedDependenciesTest {

    private static final Dependency NETWORK_DONOR = new Dependency(DependencyCondition.SERVICE_STARTED, true, true);

    @TempDir
    Path temp;

    @Test
    void sharedNamespacesVolumesFromAndLinks_becomeDependencies_afterTheExplicitOnes() {
        Project p = new LoaderFixture(temp).write("compose.yaml", """
                services:
                  web:
                    image: busybox
                    depends_on: [first]
                    network_mode: service:net
                    pid: service:procs
                    ipc: "service:shm"
                    volumes_from: [data, "service:more:ro", "container:outside"]
                    links: ["cache:c", first]
                  first: {image: busybox}
                  net: {image: busybox}
                  procs: {image: busybox}
                  shm: {image: busybox}
                  data: {image: busybox}
                  more: {image: busybox}
                  cache: {image: busybox}
                """).load();
        Map<String, Dependency> deps = p.services().get("web").dependsOn();
        assertThat(deps.keySet()).containsExactly("first", "net", "procs", "shm", "data", "more", "cache");
        assertThat(deps.get("net")).isEqualTo(NETWORK_DONOR);
        assertThat(deps.get("procs")).isEqualTo(Dependency.STARTED);
        assertThat(deps.get("data")).isEqualTo(Dependency.STARTED);
    }

    @Test
    void anExplicitDependency_keepsItsCondition() {
        Project p = new LoaderFixture(temp).write("compose.yaml", """
                services:
                  web:
                    image: busybox
                    network_mode: service:db
                    depends_on: {db: {condition: service_healthy}}
                  db: {image: busybox}
                """).load();
        assertThat(p.services().get("web").dependsOn().get("db").condition()).isEqualTo(DependencyCondition.SERVICE_HEALTHY);
    }

    @Test
    void selectingAServiceBringsItsNamespaceDonor() {
        LoaderFixture fx = new LoaderFixture(temp).write("compose.yaml", """
                services:
                  debug: {image: busybox, pid: "service:app", profiles: [tools]}
                  app: {image: busybox, profiles: [never]}
                """);
        Project p = new ProjectLoader().load(fx.options().withServices(List.of("debug")));
        assertThat(p.services()).containsOnlyKeys("debug", "app");
    }
}
