package dev.berth.engine.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserResolverTest {

    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            # a comment
            app:x:1000:1000:App:/home/app:/bin/sh
            nohome:x:1001:100::/:/bin/sh
            """;
    static final String GROUP = """
            root:x:0:
            wheel:x:10:root,app
            users:x:100:
            app:x:1000:
            docker:x:999:app
            """;

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("", new ResolvedUser(0, 0, List.of(10L), "/root")),
                Arguments.of("root", new ResolvedUser(0, 0, List.of(10L), "/root")),
                Arguments.of("0", new ResolvedUser(0, 0, List.of(10L), "/root")),
                Arguments.of("app", new ResolvedUser(1000, 1000, List.of(10L, 999L), "/home/app")),
                Arguments.of("1000", new ResolvedUser(1000, 1000, List.of(10L, 999L), "/home/app")),
                Arguments.of("app:users", new ResolvedUser(1000, 100, List.of(), "/home/app")),
                Arguments.of("app:0", new ResolvedUser(1000, 0, List.of(), "/home/app")),
                Arguments.of("1000:1000", new ResolvedUser(1000, 1000, List.of(), "/home/app")),
                Arguments.of("4242", new ResolvedUser(4242, 0, List.of(), "/")),
                Arguments.of("4242:4343", new ResolvedUser(4242, 4343, List.of(), "/")),
                Arguments.of("nohome", new ResolvedUser(1001, 100, List.of(), "/")),
                Arguments.of("daemon:wheel", new ResolvedUser(1, 10, List.of(), "/usr/sbin")));
    }

    @ParameterizedTest(name = "-u \"{0}\"")
    @MethodSource("table")
    void resolve_dockerUserForms(String user, ResolvedUser expected) {
        assertThat(UserResolver.resolve(user, Optional.of(PASSWD), Optional.of(GROUP))).isEqualTo(expected);
    }

    @Test
    void resolve_numericWorksWithoutFiles() {
        assertThat(UserResolver.resolve("1000:1000", Optional.empty(), Optional.empty()))
                .isEqualTo(new ResolvedUser(1000, 1000, List.of(), "/"));
        assertThat(UserResolver.resolve("", Optional.empty(), Optional.empty()))
                .isEqualTo(new ResolvedUser(0, 0, List.of(), "/"));
    }

    @Test
    void resolve_unknownNameFailsLikeDocker() {
        assertThatThrownBy(() -> UserResolver.resolve("nobody", Optional.of(PASSWD), Optional.of(GROUP)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find user nobody: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve("app", Optional.empty(), Optional.empty()))
                .hasMessage("unable to find user app: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve("app:staff", Optional.of(PASSWD), Optional.of(GROUP)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find group staff: no matching entries in group file");
    }

    @Test
    void resolve_outOfRangeIdFails() {
        assertThatThrownBy(() -> UserResolver.resolve("4294967296", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("uids and gids must be in range");
    }

    @Test
    void resolve_readsTheRootfsAndIgnoresLinksOutOfIt(@TempDir Path rootfs) throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/group"), GROUP);
        // A passwd link to the host's file must resolve inside the rootfs, where it is missing.
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> UserResolver.resolve("root", rootfs))
                .hasMessage("unable to find user root: no matching entries in passwd file");
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.writeString(rootfs.resolve("etc/passwd"), PASSWD);
        assertThat(UserResolver.resolve("app", rootfs).uid()).isEqualTo(1000);
    }

    @Test
    void groupAdd_namesFromTheGroupFile_idsAsGiven_addedOnce() {
        assertThat(UserResolver.groups(List.of("docker", "4242", "100"), Optional.of(GROUP)))
                .containsExactly(999L, 4242L, 100L);
        assertThat(new ResolvedUser(0, 0, List.of(10L), "/root").withGroups(List.of(10L, 999L)).additionalGids())
                .containsExactly(10L, 999L);
        assertThatThrownBy(() -> UserResolver.groups(List.of("nosuch"), Optional.of(GROUP)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find group nosuch: no matching entries in group file");
    }
}
