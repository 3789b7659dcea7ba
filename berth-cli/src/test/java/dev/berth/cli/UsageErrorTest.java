package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command lines that do not parse get docker 28's words and status (checked against its CLI). */
class UsageErrorTest {

    private final CliHarness cli = new CliHarness();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rm                 | 1   | berth: 'berth rm' requires at least 1 argument                      | Usage:  berth rm [OPTIONS] CONTAINER [CONTAINER...] | See 'berth rm --help'
            logs               | 1   | berth: 'berth logs' requires 1 argument                             | Usage:  berth logs [OPTIONS] CONTAINER              | Run 'berth logs --help'
            logs a b           | 1   | berth: 'berth logs' requires 1 argument                             | Usage:  berth logs [OPTIONS] CONTAINER              | Run 'berth logs --help'
            rename a           | 1   | berth: 'berth rename' requires 2 arguments                          | Usage:  berth rename CONTAINER NEW_NAME             | Run 'berth rename --help'
            ps a               | 1   | berth: 'berth ps' accepts no arguments                              | Usage:  berth ps [OPTIONS]                          | Run 'berth ps --help'
            run                | 1   | berth: 'berth run' requires at least 1 argument                     | Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...] | See 'berth run --help'
            container bogus    | 1   | berth: unknown command: berth container bogus                       | Usage:  berth container                             | Run 'berth container --help'
            ps -x              | 125 | unknown shorthand flag: 'x' in -x                                   | Usage:  berth ps [OPTIONS]                          | Run 'berth ps --help'
            ps --bogus=1       | 125 | unknown flag: --bogus                                               | Usage:  berth ps [OPTIONS]                          | Run 'berth ps --help'
            kill -s            | 125 | flag needs an argument: 's' in -s                                   | Usage:  berth kill [OPTIONS] CONTAINER [CONTAINER...] | Run 'berth kill --help'
            kill --signal      | 125 | flag needs an argument: --signal                                    | Usage:  berth kill [OPTIONS] CONTAINER [CONTAINER...] | Run 'berth kill --help'
            stop -t abc x      | 125 | invalid argument "abc" for "-t, --timeout" flag: 'abc' is not an int | Usage:  berth stop [OPTIONS] CONTAINER [CONTAINER...] | Run 'berth stop --help'
            """)
    void badCommandLine_isToldAsDockerTellsIt(String line, int status, String first, String usage, String look) {
        assertThat(cli.run(line.split(" "))).isEqualTo(status);
        assertThat(cli.err()).isEqualTo(first + "\n\n" + usage + "\n\n" + look + " for more information\n");
        assertThat(cli.out()).isEmpty();
        assertThat(cli.daemon.calls()).isEmpty();
    }
}
