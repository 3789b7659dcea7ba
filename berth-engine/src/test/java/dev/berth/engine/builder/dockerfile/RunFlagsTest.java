package dev.berth.engine.builder.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.builder.dockerfile.RunMount.Sharing;
import dev.berth.engine.builder.dockerfile.RunMount.Type;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunFlagsTest {

    static Stream<Arguments> mounts() {
        return Stream.of(
                Arguments.of("type=cache,target=/root/.cache",
                        new RunMount(Type.CACHE, "/root/.cache", null, null, "/root/.cache", Sharing.SHARED, false,
                                false, null, null, null, null, null)),
                Arguments.of("type=cache,id=pip,target=/c,sharing=locked,ro,mode=0700,uid=1000,gid=100",
                        new RunMount(Type.CACHE, "/c", null, null, "pip", Sharing.LOCKED, true, false, 0700, 1000,
                                100, null, null)),
                Arguments.of("type=cache,dst=/c,from=base,source=/var/cache,sharing=private",
                        new RunMount(Type.CACHE, "/c", "/var/cache", "base", "/c", Sharing.PRIVATE, false, false, null,
                                null, null, null, null)),
                Arguments.of("target=/src",
                        new RunMount(Type.BIND, "/src", null, null, null, Sharing.SHARED, true, false, null, null,
                                null, null, null)),
                Arguments.of("type=bind,source=app,target=/app,from=build,rw",
                        new RunMount(Type.BIND, "/app", "app", "build", null, Sharing.SHARED, false, false, null,
                                null, null, null, null)),
                Arguments.of("type=bind,src=$DIR,destination=/x,readwrite=false",
                        new RunMount(Type.BIND, "/x", "$DIR", null, null, Sharing.SHARED, true, false, null, null,
                                null, null, null)),
                Arguments.of("\"type=bind\",\"target=/a,b\"",
                        new RunMount(Type.BIND, "/a,b", null, null, null, Sharing.SHARED, true, false, null, null,
                                null, null, null)),
                Arguments.of("type=tmpfs,target=/tmp,size=64m",
                        new RunMount(Type.TMPFS, "/tmp", null, null, null, Sharing.SHARED, false, false, null, null,
                                null, 64L << 20, null)),
                Arguments.of("type=tmpfs,target=/tmp,size=1000",
                        new RunMount(Type.TMPFS, "/tmp", null, null, null, Sharing.SHARED, false, false, null, null,
                                null, 1000L, null)),
                Arguments.of("type=secret,id=npmrc,required=true",
                        new RunMount(Type.SECRET, null, null, null, "npmrc", Sharing.SHARED, false, true, null, null,
                                null, null, null)),
                Arguments.of("type=secret,target=/root/.npmrc,mode=0444,env=TOKEN",
                        new RunMount(Type.SECRET, "/root/.npmrc", null, null, ".npmrc", Sharing.SHARED, false, false,
                                0444, null, null, null, "TOKEN")),
                Arguments.of("type=ssh",
                        new RunMount(Type.SSH, null, null, null, "default", Sharing.SHARED, false, false, null, null,
                                null, null, null)));
    }

    @ParameterizedTest
    @MethodSource("mounts")
    void parse_givesTheMount(String flag, RunMount expected) {
        assertThat(RunMount.parse(flag)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "type=volume,target=/x            | unsupported mount type \"volume\"",
            "type=cache                       | mount type=cache requires a target",
            "source=/x                        | mount type=bind requires a target",
            "type=cache,target=/x,sharing=all | unsupported sharing value \"all\"",
            "type=cache,target=/x,mode=999    | invalid value for mode: 999",
            "type=cache,target=/x,uid=-1      | invalid value for uid: -1",
            "type=cache,target=/x,ro=maybe    | invalid value for ro: maybe",
            "type=cache,target=/x,foo=bar     | unexpected key 'foo' in 'foo=bar'",
            "type=cache,target=/x,,id=a       | invalid mount: empty field",
            "type=tmpfs,target=/x,from=a      | mount type=tmpfs takes no from",
            "type=cache,target=/x,size=1      | size is only for mount type=tmpfs",
            "type=tmpfs,target=/x,size=lots   | invalid value for size: lots",
            "type=secret                      | mount type=secret requires an id or a target",
            "type=bind,target=                | invalid value for target",
            "\"type=bind,target=/x            | unterminated quote",
    })
    void parse_refusesMalformedMounts(String flag, String error) {
        assertThatThrownBy(() -> RunMount.parse(flag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(error);
    }

    @Test
    void aRunsFlags_areTyped_severalMountsInOrder() {
        Dockerfile df = DockerfileParser.parse("Dockerfile", """
                FROM busybox
                RUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b --network=none --security=sandbox true
                """);
        Instruction.Run run = (Instruction.Run) df.instructions().get(1);
        assertThat(run.flags().mounts()).extracting(RunMount::type, RunMount::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Type.CACHE, "/a"),
                        org.assertj.core.groups.Tuple.tuple(Type.TMPFS, "/b"));
        assertThat(run.flags().network()).isEqualTo("none");
        assertThat(run.command()).isEqualTo(Instruction.Command.shell("true"));
    }

    @Test
    void aRunWithoutFlags_hasNone() {
        Instruction.Run run = (Instruction.Run) DockerfileParser.parse("Dockerfile", "FROM a\nRUN true\n")
                .instructions().get(1);
        assertThat(run.flags()).isEqualTo(RunFlags.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RUN --mount=type=cache true                   | Dockerfile:3: mount type=cache requires a target",
            "RUN --network=bridge true                     | Dockerfile:3: unsupported network mode \"bridge\"",
            "RUN --security=root true                      | Dockerfile:3: unsupported security mode \"root\"",
            "RUN --device=/dev/fuse true                   | Dockerfile:3: RUN: unknown flag: --device",
            "RUN --mount=target=/a --mount=type=x,target=/b true | Dockerfile:3: unsupported mount type \"x\"",
    })
    void aMalformedFlag_isAnErrorAtItsLine(String line, String error) {
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a\n# c\n" + line + "\n"))
                .isInstanceOf(DockerfileException.class).hasMessage(error);
    }

    @Test
    void anOnbuildRun_checksItsFlags() {
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a\nONBUILD RUN --mount=type=x,target=/a true\n"))
                .isInstanceOf(DockerfileException.class).hasMessageContaining("Dockerfile:2: unsupported mount type");
        assertThat(List.of(DockerfileParser.parse("Dockerfile", "FROM a\nONBUILD RUN --network=none true\n")))
                .hasSize(1);
    }
}
