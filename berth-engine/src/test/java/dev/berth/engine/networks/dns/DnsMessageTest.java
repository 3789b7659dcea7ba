package dev.berth.engine.networks.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DnsMessageTest {

    private static final HexFormat HEX = HexFormat.of();

    /** header: id 0x1234, RD, one question */
    private static final String HEADER = "1234" + "0100" + "0001" + "0000" + "0000" + "0000";

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("plain A", HEADER + "03776562" + "00" + "0001" + "0001", "web", 1),
                Arguments.of("upper case is folded for lookups", HEADER + "03576542" + "00" + "001c" + "0001", "web", 28),
                Arguments.of("two labels", HEADER + "03617069" + "076578616d706c65" + "00" + "0001" + "0001",
                        "api.example", 1),
                Arguments.of("root", HEADER + "00" + "0002" + "0001", "", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void parse_readsTheQuestion(String label, String hex, String name, int type) {
        byte[] p = HEX.parseHex(hex);
        var q = DnsMessage.parse(p, p.length);
        assertThat(q).isPresent();
        assertThat(q.get().id()).isEqualTo(0x1234);
        assertThat(q.get().name()).isEqualTo(name);
        assertThat(q.get().type()).isEqualTo(type);
        assertThat(q.get().qclass()).isEqualTo(1);
    }

    @Test
    void parse_followsACompressionPointer_andReadsTypeAfterThePointer() {
        // question name: "www" then a pointer to offset 22, where "example" lies after the type and class
        byte[] p = HEX.parseHex(HEADER + "03777777" + "c016" + "0001" + "0001" + "076578616d706c6500");
        var q = DnsMessage.parse(p, p.length).orElseThrow();
        assertThat(q.name()).isEqualTo("www.example");
        assertThat(q.type()).isEqualTo(DnsMessage.TYPE_A);
        assertThat(HEX.formatHex(q.question())).as("re-encoded without the pointer")
                .isEqualTo("03777777076578616d706c6500" + "0001" + "0001");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("short header", "1234"),
                Arguments.of("two questions", "1234010000020000000000000377656200" + "00010001"),
                Arguments.of("label past the end", HEADER + "0a7765"),
                Arguments.of("no type and class", HEADER + "0377656200"),
                Arguments.of("reserved label bits", HEADER + "4077656200" + "00010001"),
                Arguments.of("pointer loop", HEADER + "c00c" + "00010001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void parse_rejectsMalformedMessages(String label, String hex) {
        byte[] p = HEX.parseHex(hex);
        assertThat(DnsMessage.parse(p, p.length)).isEmpty();
    }

    @Test
    void answer_echoesTheQuestion_andPointsEachARecordAtIt() throws Exception {
        byte[] p = HEX.parseHex(HEADER + "03776562" + "00" + "0001" + "0001");
        var q = DnsMessage.parse(p, p.length).orElseThrow();
        byte[] r = DnsMessage.answer(q, List.of((Inet4Address) InetAddress.getByName("10.1.2.3"),
                (Inet4Address) InetAddress.getByName("10.1.2.4")), 600);
        assertThat(HEX.formatHex(r)).isEqualTo("1234" + "8180" + "0001" + "0002" + "0000" + "0000"
                + "03776562000001" + "0001"
                + "c00c" + "0001" + "0001" + "00000258" + "0004" + "0a010203"
                + "c00c" + "0001" + "0001" + "00000258" + "0004" + "0a010204");
    }

    @Test
    void error_carriesTheRcode_withoutAnswers() {
        byte[] p = HEX.parseHex("abcd" + "0000" + "0001" + "0000" + "0000" + "0000" + "03776562" + "00" + "001c" + "0001");
        var q = DnsMessage.parse(p, p.length).orElseThrow();
        assertThat(HEX.formatHex(DnsMessage.error(q, DnsMessage.NXDOMAIN)))
                .isEqualTo("abcd" + "8083" + "0001" + "0000" + "0000" + "0000" + "0377656200001c0001");
        assertThat(HEX.formatHex(DnsMessage.answer(q, List.of(), 600)))
                .as("no data: NOERROR, no answer")
                .isEqualTo("abcd" + "8080" + "0001" + "0000" + "0000" + "0000" + "0377656200001c0001");
        assertThat(HEX.formatHex(DnsMessage.error(0xabcd, DnsMessage.FORMERR)))
                .isEqualTo("abcd" + "8081" + "0000" + "0000" + "0000" + "0000");
    }
}
