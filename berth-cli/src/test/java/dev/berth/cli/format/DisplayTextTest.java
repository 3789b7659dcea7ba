package dev.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sha256:4f66ad9a0b2e9c5d1e7f8a9b | 4f66ad9a0b2e
            4f66ad9a0b2e9c5d1e7f8a9b        | 4f66ad9a0b2e
            abc                             | abc
            """)
    void truncateId_dropsAlgorithmAndKeepsTwelve(String id, String expected) {
        assertThat(DisplayText.truncateId(id)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /docker-entrypoint.sh nginx | 20 | /docker-entrypoint.…
            short                       | 20 | short
            exactly-twenty-chars        | 20 | exactly-twenty-chars
            abcdef                      | 1  | a
            abcdef                      | 0  | ''
            日本語の文字列               | 5  | 日本…
            """)
    void ellipsis_cutsByDisplayWidth(String s, int width, String expected) {
        assertThat(DisplayText.ellipsis(s, width)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            []                                                                                   | ''
            [{"PrivatePort":80,"Type":"tcp"}]                                                    | 80/tcp
            [{"PrivatePort":80,"Type":"tcp"},{"PrivatePort":81,"Type":"tcp"},{"PrivatePort":82,"Type":"tcp"}] | 80-82/tcp
            [{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":80,"Type":"tcp"},{"IP":"::","PrivatePort":80,"PublicPort":80,"Type":"tcp"}] | 0.0.0.0:80->80/tcp, [::]:80->80/tcp
            [{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":53,"Type":"udp"}] | 53/udp, 0.0.0.0:8080->80/tcp
            """)
    void portsText_groupsAndMapsAsDockerPs(String ports, String expected) throws JsonProcessingException {
        assertThat(PortsText.of(new ObjectMapper().readTree(ports))).isEqualTo(expected);
    }
}
