package dev.berth.engine.builder.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.builder.dockerfile.Instruction.Command;
import dev.berth.engine.builder.dockerfile.Instruction.KeyValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileParserTest {

    private static List<Instruction> parse(String text) {
        return DockerfileParser.parse("Dockerfile", text).instructions();
    }

    private static Instruction one(String text) {
        List<Instruction> all = parse(text);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void directives_commentsAndContinuations() {
        Dockerfile df = DockerfileParser.parse("Dockerfile", """
                # syntax=docker/dockerfile:1
                # escape=`
                # check=skip=all

                # a comment
                from busybox AS Build
                run echo a `
                # comment inside
                    && echo b
                """);
        assertThat(df.directives()).containsEntry("syntax", "docker/dockerfile:1").containsEntry("escape", "`")
                .containsEntry("check", "skip=all");
        assertThat(df.escape()).isEqualTo('`');
        assertThat(df.instructions()).containsExactly(
                new Instruction.From(6, "from busybox AS Build", "busybox", "build", null),
                new Instruction.Run(7, "run echo a     && echo b", Command.shell("echo a     && echo b"), RunFlags.NONE));
    }

    @Test
    void directivesAfterAnInstructionAreComments() {
        Dockerfile df = DockerfileParser.parse("Dockerfile", "FROM scratch\n# escape=`\nRUN a \\\n b\n");
        assertThat(df.escape()).isEqualTo('\\');
        assertThat(df.instructions().get(1)).isEqualTo(new Instruction.Run(3, "RUN a  b", Command.shell("a  b"), RunFlags.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "CMD [\"a\", \"b c\"]|true|a,b c",
        "CMD echo hi|false|echo hi",
        "ENTRYPOINT [\"/bin/sh\"]|true|/bin/sh",
        "CMD [not json|false|[not json",
    })
    void execAndShellForms(String line, boolean exec, String args) {
        Instruction i = one(line);
        Command c = i instanceof Instruction.Cmd cmd ? cmd.command() : ((Instruction.Entrypoint) i).command();
        assertThat(c).isEqualTo(new Command(exec, exec ? List.of(args.split(",")) : List.of(args)));
    }

    @Test
    void envForms() {
        assertThat(one("ENV A=1 B=\"two words\" C=x\\ y")).isEqualTo(new Instruction.Env(1,
                "ENV A=1 B=\"two words\" C=x\\ y",
                List.of(new KeyValue("A", "1"), new KeyValue("B", "\"two words\""), new KeyValue("C", "x\\ y"))));
        assertThat(one("ENV KEY value with spaces")).isEqualTo(new Instruction.Env(1, "ENV KEY value with spaces",
                List.of(new KeyValue("KEY", "value with spaces"))));
    }

    @Test
    void argWithAndWithoutDefault() {
        assertThat(one("ARG A B=2")).isEqualTo(new Instruction.Arg(1, "ARG A B=2",
                List.of(new KeyValue("A", null), new KeyValue("B", "2"))));
    }

    @Test
    void copyFlagsAndJson() {
        assertThat(one("COPY --from=build --chown=1:2 --chmod=644 a b /dst/")).isEqualTo(new Instruction.Copy(1,
                "COPY --from=build --chown=1:2 --chmod=644 a b /dst/", false, List.of("a", "b"), "/dst/",
                Map.of("from", "build", "chown", "1:2", "chmod", "644"), List.of()));
        Instruction.Copy add = (Instruction.Copy) one("ADD [\"my file\", \"/x y\"]");
        assertThat(add.add()).isTrue();
        assertThat(add.sources()).containsExactly("my file");
        assertThat(add.dest()).isEqualTo("/x y");
    }

    @Test
    void heredocs() {
        List<Instruction> all = parse("""
                FROM busybox
                RUN <<EOF
                echo one
                echo two
                EOF
                RUN cat <<-'END' > /f
                \tliteral $X
                \tEND
                COPY <<A <<"B" /dir/
                a $X
                A
                b
                B
                CMD true
                """);
        assertThat(all).hasSize(5);
        assertThat(((Instruction.Run) all.get(1)).command()).isEqualTo(Command.shell("echo one\necho two\n"));
        assertThat(((Instruction.Run) all.get(2)).command()).isEqualTo(
                Command.shell("cat <<-'END' > /f\n\tliteral $X\n\tEND"));
        Instruction.Copy copy = (Instruction.Copy) all.get(3);
        assertThat(copy.sources()).containsExactly("<<A", "<<\"B\"");
        assertThat(copy.heredocs()).containsExactly(new Instruction.Heredoc("A", "a $X\n", true),
                new Instruction.Heredoc("B", "b\n", false));
        assertThat(all.get(4).line()).isEqualTo(14);
    }

    @Test
    void healthcheckAndOnbuildAndStages() {
        Instruction.Healthcheck hc = (Instruction.Healthcheck) one("HEALTHCHECK --interval=5s --retries=3 CMD wget -q x");
        assertThat(hc.flags()).containsEntry("interval", "5s").containsEntry("retries", "3");
        assertThat(hc.test()).isEqualTo(Command.shell("wget -q x"));
        assertThat(((Instruction.Healthcheck) one("healthcheck none")).test()).isNull();
        assertThat(one("ONBUILD RUN echo hi")).isEqualTo(new Instruction.OnBuild(1, "ONBUILD RUN echo hi", "RUN echo hi"));
        assertThat(one("FROM --platform=linux/amd64 alpine:3 as base")).isEqualTo(
                new Instruction.From(1, "FROM --platform=linux/amd64 alpine:3 as base", "alpine:3", "base", "linux/amd64"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~FROM busybox\n\nFOO bar~|Dockerfile:3: unknown instruction: FOO",
        "~FROM busybox\nCOPY onlyone~|Dockerfile:2: COPY requires at least two arguments, but only 1 provided",
        "~FROM a b~|Dockerfile:1: FROM requires either one or three arguments",
        "~FROM busybox\nRUN <<EOF\necho~|Dockerfile:2: RUN: unterminated heredoc EOF",
        "~SHELL /bin/sh~|Dockerfile:1: SHELL requires the arguments to be in JSON form",
        "~ONBUILD ONBUILD RUN x~|Dockerfile:1: Chaining ONBUILD",
        "~HEALTHCHECK FOO x~|Dockerfile:1: Unknown type \"FOO\" in HEALTHCHECK",
        "~ENV~|Dockerfile:1: ENV requires at least one argument",
        "~LABEL =x~|Dockerfile:1: LABEL names can not be blank",
        "~# escape=x\nFROM a~|Dockerfile:1: invalid escape token",
        "~COPY --bogus a b~|Dockerfile:1: COPY: unknown flag: --bogus",
        "~FROM x AS 1st~|Dockerfile:1: invalid name for build stage",
    })
    void syntaxErrorsNameFileAndLine(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(DockerfileException.class).hasMessageStartingWith(message);
    }

    @Test
    void caseInsensitiveKeywordsAndLeadingWhitespace() {
        List<Instruction> all = parse("  from busybox\n\tWorkDir /app\n  user 1000\r\nexpose 80 443/udp\nvolume [\"/a\", \"/b\"]\n");
        assertThat(all).containsExactly(
                new Instruction.From(1, "from busybox", "busybox", null, null),
                new Instruction.Workdir(2, "WorkDir /app", "/app"),
                new Instruction.User(3, "user 1000", "1000"),
                new Instruction.Expose(4, "expose 80 443/udp", List.of("80", "443/udp")),
                new Instruction.Volume(5, "volume [\"/a\", \"/b\"]", List.of("/a", "/b")));
    }
}
