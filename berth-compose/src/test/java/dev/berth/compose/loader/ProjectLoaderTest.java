package dev.berth.compose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.BuildSpec;
import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.DependencyCondition;
import dev.berth.compose.model.FileObjectRef;
import dev.berth.compose.model.Healthcheck;
import dev.berth.compose.model.MountType;
import dev.berth.compose.model.PortMapping;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import dev.berth.compose.model.ServiceNetwork;
import dev.berth.compose.model.ServiceVolume;
import dev.berth.compose.model.Ulimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
    @TempDir
    Path temp;
    LoaderFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(temp);
    }

    @Test
    void fullService_isResolvedToLongForms() {
        fx.write("app.env", "FROM_FILE=1\nOVERRIDDEN=file\n");
        fx.write("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    build:
                      context: ./web
                      args: [VERSION=2, FROM_ENV]
                      target: prod
                      labels: {a: b}
                      cache_from: [nginx:cache]
                    command: nginx -g 'daemon off;'
                    entrypoint: ["/docker-entrypoint.sh"]
                    environment:
                      - OVERRIDDEN=env
                      - FROM_ENV
                      - NOT_SET_ANYWHERE
                    env_file: app.env
                    ports: ["8080:80", {target: 443, published: "8443", host_ip: 127.0.0.1}]
                    expose: [9000, "9001/udp"]
                    volumes:
                      - ./html:/usr/share/nginx/html:ro
                      - data:/data
                      - /cache
                      - type: tmpfs
                        target: /run
                        tmpfs: {size: 64m}
                    networks:
                      front:
                        aliases: [www]
                        ipv4_address: 172.30.0.10
                      back:
                    depends_on:
                      db:
                        condition: service_healthy
                        restart: true
                    healthcheck:
                      test: curl -f http://localhost/
                      interval: 1m30s
                      timeout: 500ms
                      retries: 3
                      start_period: 10s
                    restart: unless-stopped
                    deploy:
                      replicas: 2
                      resources:
                        limits: {cpus: "0.5", memory: 512m, pids: 100}
                        reservations: {memory: 1gb}
                      restart_policy: {condition: on-failure, max_attempts: 3}
                    labels: [com.example=web]
                    hostname: web1
                    user: "1000:1000"
                    working_dir: /srv
                    init: true
                    stop_signal: SIGQUIT
                    stop_grace_period: 1m
                    tty: true
                    stdin_open: true
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    privileged: false
                    extra_hosts: ["db.local=10.0.0.2", "api:10.0.0.3"]
                    dns: 8.8.8.8
                    logging: {driver: json-file, options: {max-size: 10m, max-file: 3}}
                    pull_policy: always
                    secrets: [token, {source: cert, target: tls.pem, mode: 0400}]
                    configs: [nginx]
                    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
                    sysctls: {net.core.somaxconn: 1024}
                    shm_size: 1g
                    tmpfs: /tmp
                    read_only: true
                  db:
                    image: postgres
                networks:
                  front:
                    ipam:
                      config: [{subnet: 172.30.0.0/24, gateway: 172.30.0.1}]
                  back:
                    internal: true
                volumes:
                  data:
                configs:
                  nginx: {file: ./nginx.conf}
                secrets:
                  token: {environment: TOKEN}
                  cert: {file: ~/cert.pem}
                """);
        fx.env.put("FROM_ENV", "env-value");
        Project p = fx.load();
        Service web = p.service("web");

        assertThat(p.name()).isEqualTo("my_app1");
        assertThat(web.build()).isEqualTo(new BuildSpec(fx.path("web"), "Dockerfile", null,
                mapOf("VERSION", "2", "FROM_ENV", null), "prod", Map.of("a", "b"), List.of("nginx:cache"), List.of(), null,
                List.of(), null, List.of(), false, false));
        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web.entrypoint()).containsExactly("/docker-entrypoint.sh");
        assertThat(web.environment()).isEqualTo(mapOf("FROM_FILE", "1", "OVERRIDDEN", "env", "FROM_ENV", "env-value", "NOT_SET_ANYWHERE", null));
        assertThat(web.ports()).containsExactly(
                new PortMapping(80, "8080", null, "tcp", "ingress", null, null),
                new PortMapping(443, "8443", "127.0.0.1", "tcp", "ingress", null, null));
        assertThat(web.expose()).containsExactly("9000", "9001/udp");
        assertThat(web.volumes()).containsExactly(
                new ServiceVolume(MountType.BIND, fx.path("html"), "/usr/share/nginx/html", true, null,
                        new ServiceVolume.BindOptions(null, true, null), null, null),
                new ServiceVolume(MountType.VOLUME, "data", "/data", false, null, new ServiceVolume.BindOptions(null, false, null), null, null),
                new ServiceVolume(MountType.VOLUME, null, "/cache", false, null, new ServiceVolume.BindOptions(null, false, null), null, null),
                new ServiceVolume(MountType.TMPFS, null, "/run", false, null, new ServiceVolume.BindOptions(null, false, null), null,
                        new ServiceVolume.TmpfsOptions(64L << 20, null)));
        assertThat(web.networks()).containsOnlyKeys("front", "back");
        assertThat(web.networks().get("front").aliases()).containsExactly("www");
        assertThat(web.networks().get("front").ipv4Address()).isEqualTo("172.30.0.10");
        assertThat(web.networks().get("back")).isEqualTo(ServiceNetwork.DEFAULT);
        assertThat(web.dependsOn()).isEqualTo(Map.of("db", new Dependency(DependencyCondition.SERVICE_HEALTHY, true, true)));
        assertThat(web.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost/"),
                Duration.ofSeconds(90), Duration.ofMillis(500), 3, Duration.ofSeconds(10), null, false));
        assertThat(web.restart()).isEqualTo("unless-stopped");
        assertThat(web.replicas()).isEqualTo(2);
        assertThat(web.deploy().resources().limits().cpus()).isEqualTo(0.5);
        assertThat(web.deploy().resources().limits().memory()).isEqualTo(512L << 20);
        assertThat(web.deploy().resources().limits().pids()).isEqualTo(100L);
        assertThat(web.deploy().resources().reservations().memory()).isEqualTo(1L << 30);
        assertThat(web.deploy().restartPolicy().maxAttempts()).isEqualTo(3);
        assertThat(web.labels()).isEqualTo(Map.of("com.example", "web"));
        assertThat(web.user()).isEqualTo("1000:1000");
        assertThat(web.init()).isTrue();
        assertThat(web.stopGracePeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(web.tty()).isTrue();
        assertThat(web.readOnly()).isTrue();
        assertThat(web.extraHosts()).containsExactly("db.local:10.0.0.2", "api:10.0.0.3");
        assertThat(web.dns()).containsExactly("8.8.8.8");
        assertThat(web.logging().options()).isEqualTo(Map.of("max-size", "10m", "max-file", "3"));
        assertThat(web.secrets()).containsExactly(
                new FileObjectRef("token", "/run/secrets/token", null, null, null),
                new FileObjectRef("cert", "/run/secrets/tls.pem", null, null, 0400));
        assertThat(web.configs()).containsExactly(new FileObjectRef("nginx", "/nginx", null, null, null));
        assertThat(web.ulimits()).isEqualTo(Map.of("nofile", new Ulimit(1024, 2048), "nproc", new Ulimit(512, 512)));
        assertThat(web.sysctls()).isEqualTo(Map.of("net.core.somaxconn", "1024"));
        assertThat(web.shmSize()).isEqualTo(1L << 30);
        assertThat(web.tmpfs()).containsExactly("/tmp");

        assertThat(p.service("db").networks()).containsOnlyKeys("default");
        assertThat(p.networks()).containsOnlyKeys("front", "back", "default");
        assertThat(p.networks().get("default").name()).isEqualTo("my_app1_default");
        assertThat(p.networks().get("front").ipam().config().getFirst().subnet()).isEqualTo("172.30.0.0/24");
        assertThat(p.networks().get("back").internal()).isTrue();
        assertThat(p.volumes().get("data").name()).isEqualTo("my_app1_data");
        assertThat(p.configs().get("nginx").file()).isEqualTo(fx.dir.resolve("nginx.conf"));
        assertThat(p.secrets().get("cert").file()).isEqualTo(Path.of("/home/tester/cert.pem"));
        assertThat(p.secrets().get("token").environment()).isEqualTo("TOKEN");
        assertThat(p.dependencyOrder().stream().map(Service::name)).containsExactly("db", "web");
        assertThat(p.configFiles()).containsExactly(fx.dir.resolve("compose.yaml"));
        assertThat(p.workingDir()).isEqualTo(fx.dir);
    }

    @Test
    void interpolation_usesDotEnvUnderTheProcessEnvironment() {
        fx.write(".env", "TAG=from-dotenv\nPORT=1000\n");
        fx.write("compose.yaml", """
                services:
                  web:
                    image: "app:${TAG}"
                    ports: ["${PORT}:80"]
                    deploy: {replicas: "${N:-3}"}
                    command: echo $$HOME
                """);
        fx.env.put("PORT", "2000");
        Service web = fx.load().service("web");
        assertThat(web.image()).isEqualTo("app:from-dotenv");
        assertThat(web.ports().getFirst().published()).isEqualTo("2000");
        assertThat(web.replicas()).isEqualTo(3);
        assertThat(web.command()).containsExactly("echo", "$HOME");
    }

    @Test
    void envFileOption_replacesDotEnv() {
        fx.write(".env", "TAG=dotenv\n");
        fx.write("other.env", "TAG=other\n");
        fx.write("compose.yaml", "services:\n  web:\n    image: \"app:${TAG}\"\n");
        Project p = new ProjectLoader().load(fx.options().withEnvFiles(List.of(fx.dir.resolve("other.env"))));
        assertThat(p.service("web").image()).isEqualTo("app:other");
    }

    @Test
    void missingRequiredVariable_namesFileAndKeyPath() {
        fx.write("compose.yaml", "services:\n  web:\n    image: \"${IMAGE:?must be set}\"\n");
        assertThatThrownBy(fx::load).isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.path("compose.yaml") + ": services.web.image: required variable IMAGE is missing a value: must be set");
    }

    @Test
    void yamlAnchorsAndMergeKeys_feedServices() {
        fx.write("compose.yaml", """
                x-base: &base
                  image: busybox
                  restart: always
                  environment: {A: "1"}
                services:
                  one:
                    <<: *base
                  two:
                    <<: *base
                    restart: "no"
                """);
        Project p = fx.load();
        assertThat(p.service("one").restart()).isEqualTo("always");
        assertThat(p.service("two").restart()).isEqualTo("no");
        assertThat(p.service("two").environment()).isEqualTo(Map.of("A", "1"));
        assertThat(p.services()).containsOnlyKeys("one", "two");
    }

    @Test
    void versionKey_isIgnoredWithAWarning() {
        fx.write("compose.yaml", "version: \"3.8\"\nservices:\n  web: {image: busybox}\n");
        fx.load();
        assertThat(fx.warnings).anyMatch(w -> w.contains("`version` is obsolete"));
    }

    @Test
    void unsupportedSpecKeys_areIgnoredWithAWarning() {
        fx.write("compose.yaml", "services:\n  web: {image: busybox, gpus: all}\n");
        fx.load();
        assertThat(fx.warnings).containsExactly(fx.path("compose.yaml") + ": services.web.gpus is not supported by berth and is ignored");
    }

    static Map<String, String> mapOf(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void explicitFiles_relativeToWorkingDir_projectDirIsFirstFilesDir() throws Exception {
        Files.createDirectories(fx.dir.resolve("deploy"));
        fx.write("deploy/base.yaml", "services:\n  web:\n    image: busybox\n    volumes: [./data:/data]\n");
        Project p = fx.load("deploy/base.yaml");
        assertThat(p.workingDir()).isEqualTo(fx.dir.resolve("deploy"));
        assertThat(p.name()).isEqualTo("deploy");
        assertThat(p.service("web").volumes().getFirst().source()).isEqualTo(fx.path("deploy/data"));
    }
}
