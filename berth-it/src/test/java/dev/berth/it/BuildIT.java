package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.DockerCli;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth build and docker's classic builder against berthd: real images from busybox, run afterwards. */
class BuildIT extends DaemonFixture {

    @TempDir
    Path ctx;

    private void write(String name, String content) throws Exception {
        Path p = ctx.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private CommandResult run(String image, String... cmd) {
        String[] args = new String[cmd.length + 3];
        args[0] = "run";
        args[1] = "--rm";
        args[2] = image;
        System.arraycopy(cmd, 0, args, 3, cmd.length);
        return berth(args).assertSuccess();
    }

    @Test
    void everyInstruction_showsInInspectAndInsideAContainer() throws Exception {
        write("app/hello.txt", "hello\n");
        write("app/sub/deep.txt", "deep\n");
        var tar = new ByteArrayOutputStream();
        try (var t = new TarArchiveOutputStream(tar)) {
            byte[] data = "from tar\n".getBytes();
            var e = new TarArchiveEntry("unpacked/t.txt");
            e.setSize(data.length);
            t.putArchiveEntry(e);
            t.write(data);
            t.closeArchiveEntry();
        }
        Files.write(ctx.resolve("files.tar"), tar.toByteArray());
        write("Dockerfile", """
                # syntax=docker/dockerfile:1
                ARG BASE=busybox
                FROM ${BASE}
                ARG WHO=world
                ENV GREETING="hello ${WHO}" \\
                    EMPTY=
                LABEL org.example.title="a title" version=${WHO}
                WORKDIR /srv
                WORKDIR app
                COPY --chown=1000:1000 --chmod=750 app/ ./
                ADD files.tar /opt/
                RUN echo "$GREETING at $(pwd) as $(id -u)" > run.txt
                USER 1000
                RUN id -u > /tmp/uid.txt
                RUN <<EOF
                echo heredoc > /tmp/heredoc.txt
                EOF
                EXPOSE 8080 53/udp
                VOLUME /data
                STOPSIGNAL SIGINT
                HEALTHCHECK --interval=5s --retries=2 CMD true
                ENTRYPOINT ["/bin/sh", "-c"]
                CMD ["cat /srv/app/run.txt"]
                """);
        berth("build", "-t", "every:1", "--build-arg", "WHO=berth", ctx.toString()).assertSuccess();
        String config = berth("inspect", "--format", "{{json .Config}}", "every:1").assertSuccess().out();
        assertThat(config).contains("\"User\":\"1000\"", "\"WorkingDir\":\"/srv/app\"", "GREETING=hello berth",
                "\"8080/tcp\":{}", "\"53/udp\":{}", "\"/data\":{}", "\"StopSignal\":\"SIGINT\"",
                "\"org.example.title\":\"a title\"", "\"version\":\"berth\"", "\"Entrypoint\":[\"/bin/sh\",\"-c\"]",
                "\"Cmd\":[\"cat /srv/app/run.txt\"]", "\"Test\":[\"CMD-SHELL\",\"true\"]", "\"Interval\":5000000000");
        assertThat(berth("run", "--rm", "every:1").assertSuccess().out()).isEqualTo("hello berth at /srv/app as 0");
        assertThat(run("every:1", "cat /srv/app/hello.txt /srv/app/sub/deep.txt /opt/unpacked/t.txt /tmp/uid.txt "
                + "/tmp/heredoc.txt").out()).isEqualTo("hello\ndeep\nfrom tar\n1000\nheredoc");
        assertThat(run("every:1", "stat -c '%u:%g %a' /srv/app/hello.txt").out()).isEqualTo("1000:1000 750");
        assertThat(berth("history", "--no-trunc", "every:1").assertSuccess().out()).contains(
                "/bin/sh -c #(nop) ENTRYPOINT", "|1 WHO=berth /bin/sh -c id -u > /tmp/uid.txt", "#(nop) COPY dir:");
    }

    @Test
    void multiStage_copiesFromAnEarlierStage_andBuildsOnlyWhatTheTargetNeeds() throws Exception {
        write("Dockerfile", """
                FROM busybox AS builder
                RUN echo built > /artifact
                FROM busybox AS broken
                RUN exit 7
                FROM busybox
                COPY --from=builder /artifact /artifact
                COPY --from=0 /artifact /again
                CMD ["cat", "/artifact", "/again"]
                FROM busybox AS other
                RUN echo other
                """);
        var build = berth("build", "-t", "final:1", "-f", ctx.resolve("Dockerfile").toString(), "--target", "other",
                ctx.toString()).assertSuccess();
        assertThat(build.stdout()).doesNotContain("exit 7").doesNotContain("/artifact");
        write("Dockerfile.final", """
                FROM busybox AS builder
                RUN echo built > /artifact
                FROM busybox AS broken
                RUN exit 7
                FROM busybox
                COPY --from=builder /artifact /artifact
                COPY --from=0 /artifact /again
                CMD ["cat", "/artifact", "/again"]
                """);
        var out = berth("build", "-t", "multi:1", "-f", ctx.resolve("Dockerfile.final").toString(), ctx.toString())
                .assertSuccess();
        assertThat(out.stdout()).doesNotContain("exit 7").contains("Successfully tagged multi:1");
        assertThat(berth("run", "--rm", "multi:1").assertSuccess().out()).isEqualTo("built\nbuilt");
    }

    @Test
    void copyFrom_aStageNamedByAnArgOnlyThisStageDeclares_isBuiltFirst() throws Exception {
        write("Dockerfile", """
                FROM busybox AS tools
                RUN echo tool > /tool
                FROM busybox
                ARG SRC=tools
                COPY --from=$SRC /tool /tool
                CMD ["cat", "/tool"]
                """);
        berth("build", "-t", "fromvar:1", ctx.toString()).assertSuccess();
        assertThat(berth("run", "--rm", "fromvar:1").assertSuccess().out()).isEqualTo("tool");
    }

    @Test
    void dockerignore_excludesWithExceptions() throws Exception {
        write("keep.txt", "k");
        write("notes.md", "n");
        write("README.md", "r");
        write("logs/a.log", "a");
        write(".dockerignore", "*.md\n!README.md\nlogs\n");
        write("Dockerfile", "FROM busybox\nCOPY . /ctx/\nCMD [\"ls\", \"/ctx\"]\n");
        berth("build", "-t", "ignore:1", ctx.toString()).assertSuccess();
        assertThat(berth("run", "--rm", "ignore:1").assertSuccess().out().lines().toList())
                .contains("keep.txt", "README.md", "Dockerfile").doesNotContain("notes.md", "logs");
        write("Dockerfile", "FROM busybox\nCOPY notes.md /\n");
        assertThat(berth("build", ctx.toString()).exitCode()).isEqualTo(1);
        assertThat(berth("build", ctx.toString()).stderr()).contains("notes.md")
                .contains("excluded by .dockerignore");
    }

    @Test
    void cache_unchangedRebuildIsAllCached_andAChangedFileRebuildsOnlyFromItsStep() throws Exception {
        write("a.txt", "a1");
        write("b.txt", "b1");
        write("Dockerfile", """
                FROM busybox
                ENV X=1
                COPY a.txt /a.txt
                RUN cat /a.txt > /seen-a
                COPY b.txt /b.txt
                RUN cat /b.txt > /seen-b
                """);
        String first = berth("build", "-q", ctx.toString()).assertSuccess().out();
        var again = berth("build", ctx.toString()).assertSuccess();
        assertThat(again.stdout().split("Using cache", -1)).hasSize(6); // 5 steps after FROM
        assertThat(again.stdout()).contains("Successfully built " + first.substring(7, 19));
        write("b.txt", "b2");
        var changed = berth("build", ctx.toString()).assertSuccess().stdout();
        assertThat(changed.split("Using cache", -1)).hasSize(4); // ENV, COPY a, RUN a cached
        assertThat(changed).contains("Running in");
        String id = berth("build", "-q", ctx.toString()).assertSuccess().out();
        assertThat(run(id, "cat", "/seen-a", "/seen-b").out()).isEqualTo("a1b2");
        assertThat(berth("build", "--no-cache", ctx.toString()).assertSuccess().stdout()).doesNotContain("Using cache");
    }

    @Test
    void syntaxError_namesTheFileAndLine() throws Exception {
        write("Dockerfile", "FROM busybox\n\n# comment\nRUN true\nCOPYY a b\n");
        var result = berth("build", ctx.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Dockerfile:5").contains("unknown instruction: COPYY");
        write("Dockerfile", "FROM busybox\nRUN echo out && exit 3\n");
        var failing = berth("build", ctx.toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.stdout()).contains("out");
        assertThat(failing.stderr()).contains("returned a non-zero code: 3");
        assertThat(berth("ps", "-aq").assertSuccess().out()).isEmpty();
    }

    @Test
    void failingRun_namesTheStep_andLeavesNoImage() throws Exception {
        write("Dockerfile", "FROM busybox\nRUN echo partial > /f && echo out && exit 3\n");
        String before = berth("images", "-aq", "--no-trunc").assertSuccess().out();
        var failing = berth("build", "-t", "halfmade:1", ctx.toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.stdout()).contains("Step 2/2 : RUN echo partial > /f && echo out && exit 3", "out");
        assertThat(failing.stderr()).contains("returned a non-zero code: 3");
        assertThat(berth("images", "-aq", "--no-trunc").assertSuccess().out()).isEqualTo(before);
        assertThat(berth("ps", "-aq").assertSuccess().out()).isEmpty();
    }

    @Test
    void independentStages_runAtTheSameTime_withTheirOutputInOrder() throws Exception {
        int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
        // a waits for b's connection and b for a's listener: built one after the other, a would time out;
        // the quotes keep the output apart from the steps' text
        write("Dockerfile", """
                FROM busybox AS a
                RUN echo a-"started" && timeout 60 nc -l -p PORT -e echo contacted && echo a-"done" | tee /a-done
                FROM busybox AS b
                RUN echo b-"started"; for i in $(seq 300); do timeout 5 nc 127.0.0.1 PORT </dev/null > /got; \\
                    grep -q contacted /got && exit 0; sleep 0.1; done; exit 1
                FROM busybox
                COPY --from=a /a-done /a-done
                COPY --from=b /got /got
                CMD ["cat", "/got"]
                """.replace("PORT", String.valueOf(port)));
        var build = berth("build", "--network", "host", "-t", "parallel:1", ctx.toString()).assertSuccess();
        assertThat(run("parallel:1", "cat", "/got", "/a-done").out()).isEqualTo("contacted\na-done");
        String out = build.stdout();
        assertThat(out.indexOf("Step 1/8")).isLessThan(out.indexOf("a-started"));
        assertThat(out.indexOf("a-done")).isLessThan(out.indexOf("Step 3/8")).isGreaterThan(0);
        assertThat(out.indexOf("Step 3/8")).isLessThan(out.indexOf("b-started"));
        assertThat(out.indexOf("b-started")).isLessThan(out.indexOf("Step 5/8"));
    }

    @Test
    void copyFixes_heredocExpansion_symlinkedDirectory_andTheOutsideDockerfileStaysOut() throws Exception {
        write("x.txt", "x\n");
        write("Dockerfile", "ignored\n");
        Path outside = ctx.resolveSibling("outside-" + System.nanoTime() + ".Dockerfile");
        Files.writeString(outside, """
                FROM busybox
                ARG NAME=berth
                RUN mkdir -p /srv/app && ln -s /srv/app /app
                COPY x.txt /app/
                COPY <<EOF /expanded
                hello ${NAME} "$NAME"
                EOF
                COPY <<'EOF' /literal
                hello ${NAME}
                EOF
                COPY . /ctx/
                """);
        try {
            berth("build", "-t", "copyfixes:1", "-f", outside.toString(), ctx.toString()).assertSuccess();
        } finally {
            Files.deleteIfExists(outside);
        }
        assertThat(run("copyfixes:1", "sh", "-c", "readlink /app; cat /srv/app/x.txt /expanded /literal; ls -A /ctx")
                .out()).isEqualTo("/srv/app\nx\nhello berth \"berth\"\nhello ${NAME}\nDockerfile\nx.txt");
    }

    @Test
    void sourceDateEpoch_noCacheRebuildWithoutRun_givesTheSameImage() throws Exception {
        write("app/a.txt", "a\n");
        write("Dockerfile", "FROM busybox\nCOPY app /new/dir/\nENV A=1\nCOPY <<EOF /gen.txt\ngenerated\nEOF\n");
        String first = berth("build", "-q", "--no-cache", "--build-arg", "SOURCE_DATE_EPOCH=1700000000", ctx.toString())
                .assertSuccess().out();
        String second = berth("build", "-q", "--no-cache", "--build-arg", "SOURCE_DATE_EPOCH=1700000000",
                ctx.toString()).assertSuccess().out();
        assertThat(second).startsWith("sha256:").isEqualTo(first);
        assertThat(berth("inspect", "-f", "{{.Created}}", first).assertSuccess().out()).startsWith("2023-11-14T22:13:20");
    }

    @Test
    void cacheMount_keepsItsFilesAcrossBuilds_neverInTheImage_untilABuilderPrune() throws Exception {
        String dockerfile = """
                FROM busybox
                RUN --mount=type=cache,target=/cache/pip,sharing=locked echo %s >> /cache/pip/log && cat /cache/pip/log > /seen
                """;
        write("Dockerfile", dockerfile.formatted("one"));
        berth("build", "-t", "cachemount:1", ctx.toString()).assertSuccess();
        write("Dockerfile", dockerfile.formatted("two"));
        berth("build", "-t", "cachemount:1", ctx.toString()).assertSuccess();
        assertThat(run("cachemount:1", "sh", "-c", "cat /seen; ls -a / | grep -c cache || true").out())
                .isEqualTo("one\ntwo\n0");
        assertThat(berth("builder", "prune", "-f").assertSuccess().out()).contains("Total reclaimed space");
        write("Dockerfile", dockerfile.formatted("three"));
        berth("build", "-t", "cachemount:1", ctx.toString()).assertSuccess();
        assertThat(run("cachemount:1", "cat", "/seen").out()).isEqualTo("three");
    }

    @Test
    void bindMount_ofTheContextAndAStage_isReadOnly_andAChangedBoundFileRerunsTheStep() throws Exception {
        write("src/a.txt", "a1\n");
        write("Dockerfile", """
                FROM busybox AS tools
                RUN mkdir /tools && echo tool > /tools/t
                FROM busybox
                RUN --mount=type=bind,source=src,target=/src --mount=from=tools,source=/tools,target=/opt/t \
                    --mount=type=bind,source=src,target=/w,rw \
                    cat /src/a.txt /opt/t/t > /seen && (touch /src/x 2>/dev/null && echo rw || echo ro) >> /seen \
                    && touch /w/written
                """);
        berth("build", "-t", "bindmount:1", ctx.toString()).assertSuccess();
        assertThat(run("bindmount:1", "sh", "-c", "cat /seen; ls -d /src /w /opt/t 2>&1 | grep -c 'No such'").out())
                .isEqualTo("a1\ntool\nro\n3");
        assertThat(ctx.resolve("src/written")).doesNotExist();
        assertThat(berth("build", ctx.toString()).assertSuccess().stdout().split("Using cache", -1)).hasSize(3);
        write("src/a.txt", "a2\n");
        var changed = berth("build", "-t", "bindmount:1", ctx.toString()).assertSuccess().stdout();
        assertThat(changed.split("Using cache", -1)).hasSize(2); // the tools stage's RUN only
        assertThat(run("bindmount:1", "head", "-1", "/seen").out()).isEqualTo("a2");
    }

    @Test
    void networkNone_hasOnlyLo_aTmpfsStartsEmptyAndStaysOut_andARequiredSecretFails() throws Exception {
        write("Dockerfile", """
                FROM busybox
                RUN --network=none --mount=type=tmpfs,target=/scratch --mount=type=secret,id=optional \
                    ls /sys/class/net > /nets && ls -A /scratch | wc -l > /files && echo x > /scratch/f \
                    && grep -c ' /scratch tmpfs ' /proc/mounts > /tmpfs
                """);
        berth("build", "-t", "netnone:1", ctx.toString()).assertSuccess();
        assertThat(run("netnone:1", "sh", "-c", "cat /nets /files /tmpfs; ls /scratch /run/secrets 2>&1 | grep -c 'No such'")
                .out()).isEqualTo("lo\n0\n1\n2");
        write("Dockerfile", "FROM busybox\nRUN --mount=type=secret,id=token,required=true cat /run/secrets/token\n");
        var failing = berth("build", ctx.toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.stderr()).contains("Dockerfile:2", "secret token: not found");
    }

    @Test
    void dockerCli_classicBuilder_buildsAndTags() throws Exception {
        assumeTrue(DockerCli.isInstalled(), "docker CLI not installed");
        write("msg.txt", "from docker\n");
        // RUN --mount reaches berth's builder through the classic API too (dockerd's refuses it)
        write("Dockerfile", "FROM busybox\nCOPY msg.txt /\nRUN --mount=type=cache,target=/var/cache/m cp /msg.txt"
                + " /var/cache/m/ && cat /var/cache/m/msg.txt > /copy\nCMD [\"cat\", \"/copy\"]\n");
        Path iid = ctx.resolve("../iid-" + System.nanoTime());
        var build = daemon.dockerWithEnv(Map.of("DOCKER_BUILDKIT", "0"), "build", "-t", "dockerbuilt:1",
                "--iidfile", iid.toString(), ctx.toString()).assertSuccess();
        assertThat(build.stdout()).contains("Step 1/4 : FROM busybox", "Successfully tagged dockerbuilt:1");
        assertThat(Files.readString(iid)).startsWith("sha256:");
        Files.deleteIfExists(iid);
        assertThat(docker("run", "--rm", "dockerbuilt:1").assertSuccess().out()).as(build.stdout() + "\n"
                + berth("run", "--rm", "dockerbuilt:1", "ls", "-la", "/").stdout()).isEqualTo("from docker");
        var again = daemon.dockerWithEnv(Map.of("DOCKER_BUILDKIT", "0"), "build", "-q", ctx.toString()).assertSuccess();
        assertThat(again.out()).startsWith("sha256:");
        assertThat(docker("run", "--rm", "dockerbuilt:1", "sh", "-c", "test -e /var/cache || echo absent")
                .assertSuccess().out()).isEqualTo("absent");
    }
}
