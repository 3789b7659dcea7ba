package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code berth help [COMMAND]} is {@code berth [COMMAND] --help}, as with docker. */
class HelpCommandTest {

    @Test
    void help_printsTheRootUsage() {
        var cli = new CliHarness();
        assertThat(cli.run("help")).isZero();
        assertThat(cli.out()).startsWith("Usage: berth ");
    }

    @Test
    void helpWithACommand_printsThatCommandsUsage() {
        var cli = new CliHarness();
        assertThat(cli.run("help", "ps")).isZero();
        assertThat(cli.out()).startsWith("Usage: berth ps ");
    }
}
