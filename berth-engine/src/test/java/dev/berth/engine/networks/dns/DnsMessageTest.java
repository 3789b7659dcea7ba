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

    static Stream<Arguments> ednsSizes() {
        String question = "03776562" + "00" + "0001" + "0001";
        String withAdditional = "1234" + "0100" + "0001" + "0000" + "0000" + "0001";
        return Stream.of(
                Arguments.of("no additional record", HEADER + question, 512),
                Arguments.of("OPT, 1232", withAdditional + question + "00" + "0029" + "04d0" + "00000000" + "0000", 1232),
                Arguments.of("OPT below 512 counts as 512", withAdditional + question + "00" + "0029" + "0100" + "00000000" + "0000", 512),
                Arguments.of("OPT after another record",
                        "1234" + "0100" + "0001" + "0000" + "0000" + "0002" + question
                                + "00" + "0010" + "0001" + "00000000" + "0002" + "0161"
                                + "00" + "0029" + "1000" + "00000000" + "0000", 4096),
                Arguments.of("OPT cut short: the question still counts", withAdditional + question + "00" + "0029", 512));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ednsSizes")
    void parse_readsTheClientsUdpSizeFromOpt(String label, String hex, int size) {
        byte[] p = HEX.parseHex(hex);
        assertThat(DnsMessage.parse(p, p.length).orElseThrow().udpSize()).isEqualTo(size);
    }

    static Stream<Arguments> limits() {
        // header 12 + question 9 ("web", A, IN) + 16 per record
        return Stream.of(
                Arguments.of(512, 3, false),
                Arguments.of(12 + 9 + 16 * 3, 3, false),
                Arguments.of(12 + 9 + 16 * 3 - 1, 2, true),
                Arguments.of(12 + 9 + 15, 0, true),
                Arguments.of(10, 0, true));
    }

    @ParameterizedTest(name = "limit {0}: {1} records, TC {2}")
    @MethodSource("limits")
    void answer_keepsTheRecordsThatFit_andSetsTcWhenItLeavesSomeOut(int limit, int records, boolean tc) throws Exception {
        byte[] p = HEX.parseHex(HEADER + "03776562" + "00" + "0001" + "0001");
        var q = DnsMessage.parse(p, p.length).orElseThrow();
        List<Inet4Address> three = List.of((Inet4Address) InetAddress.getByName("10.1.2.3"),
                (Inet4Address) InetAddress.getByName("10.1.2.4"), (Inet4Address) InetAddress.getByName("10.1.2.5"));
        byte[] r = DnsMessage.answer(q, three, 600, limit);
        assertThat(DnsMessage.u16(r, 6)).isEqualTo(records);
        assertThat(r.length).isEqualTo(12 + 9 + 16 * records);
        assertThat(DnsMessage.truncated(r)).isEqualTo(tc);
        assertThat(HEX.formatHex(r, 2, 4)).isEqualTo(tc ? "8380" : "8180");
    }

    @Test
    void pointers_nameTheHost_pointingAtTheQuestion() {
        byte[] p = HEX.parseHex(HEADER + "0135" + "0130" + "0130" + "023130" + "07696e2d61646472" + "0461727061" + "00"
                + "000c" + "0001");
        var q = DnsMessage.parse(p, p.length).orElseThrow();
        assertThat(q.name()).isEqualTo("5.0.0.10.in-addr.arpa");
        byte[] r = DnsMessage.pointers(q, List.of("web.net"), 600);
        assertThat(HEX.formatHex(r)).isEqualTo("1234" + "8180" + "0001" + "0001" + "0000" + "0000"
                + "01350130013002313007696e2d61646472046172706100" + "000c" + "0001"
                + "c00c" + "000c" + "0001" + "00000258" + "0009" + "03776562036e657400");
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("web.net", true),
                Arguments.of("a", true),
                Arguments.of("", false),
                Arguments.of("web..net", false),
                Arguments.of("x".repeat(63) + ".net", true),
                Arguments.of("x".repeat(64) + ".net", false),
                // on the wire: a length byte per label and the root's zero, 255 in all
                Arguments.of(("x".repeat(62) + ".").repeat(4) + "x", true),
                Arguments.of(("x".repeat(62) + ".").repeat(4) + "xx", false),
                Arguments.of("caf\u00e9.net", true),
                Arguments.of("\u65e5\u672c.net", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("names")
    void encodable_acceptsLabelsOfOneTo63Bytes_255InAll(String name, boolean ok) {
        assertThat(DnsMessage.encodable(name)).isEqualTo(ok);
    }
}
