package dev.berth.engine.networks.dns;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS messages (RFC 1035) the embedded server reads and writes: a standard query with one
 * question (names may use compression pointers), and replies to it: A records, no data, NXDOMAIN,
 * SERVFAIL, FORMERR, NOTIMP. Replies copy the ID, the opcode and RD, set RA as dockerd's
 * resolver does, and echo the question; answers point at it (offset 12) instead of repeating the name.
 */
public final class DnsMessage {

    public static final int TYPE_A = 1;
    public static final int TYPE_AAAA = 28;
    public static final int CLASS_IN = 1;

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;

    static final int HEADER = 12;
    private static final int MAX_NAME = 255;
    private static final int MAX_JUMPS = 16;

    /**
     * One query as read: its header fields and its question.
     *
     * @param name     lower case, without the trailing dot; empty for the root
     * @param question the question section, echoed in replies: the name as sent (case kept), without pointers
     */
    public record Query(int id, int flags, String name, int type, int qclass, byte[] question) {

        public int opcode() {
            return (flags >> 11) & 0xF;
        }

        public boolean isResponse() {
            return (flags & 0x8000) != 0;
        }
    }

    private DnsMessage() {
    }

    /** The ID of any message of at least two bytes, so even a malformed query gets an error reply. */
    public static Optional<Integer> id(byte[] buf, int len) {
        return len >= 2 ? Optional.of(u16(buf, 0)) : Optional.empty();
    }

    /**
     * Reads a query with exactly one question; empty when the message is too short, truncated
     * or its name is malformed (bad label, pointer loop, longer than 255 bytes).
     */
    public static Optional<Query> parse(byte[] buf, int len) {
        if (len < HEADER || u16(buf, 4) != 1) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        int end = readName(buf, len, HEADER, name);
        if (end < 0 || end + 4 > len) {
            return Optional.empty();
        }
        byte[] question = encodeQuestion(name.toString(), buf, end);
        return Optional.of(new Query(u16(buf, 0), u16(buf, 2), name.toString().toLowerCase(Locale.ROOT),
                u16(buf, end), u16(buf, end + 2), question));
    }

    /** The question re-encoded without pointers (they would point elsewhere in a reply), case kept. */
    private static byte[] encodeQuestion(String name, byte[] buf, int typeAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 6);
        if (!name.isEmpty()) {
            for (String label : name.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.write(0);
        out.write(buf, typeAt, 4);
        return out.toByteArray();
    }

    /** Appends the name at {@code pos} to {@code out}; returns where the name ends in place, -1 if malformed. */
    private static int readName(byte[] buf, int len, int pos, StringBuilder out) {
        int end = -1;
        int jumps = 0;
        int total = 0;
        while (true) {
            if (pos >= len) {
                return -1;
            }
            int b = buf[pos] & 0xFF;
            if (b == 0) {
                return end < 0 ? pos + 1 : end;
            }
            if ((b & 0xC0) == 0xC0) {
                if (pos + 1 >= len || ++jumps > MAX_JUMPS) {
                    return -1;
                }
                if (end < 0) {
                    end = pos + 2;
                }
                pos = ((b & 0x3F) << 8) | (buf[pos + 1] & 0xFF);
                continue;
            }
            if ((b & 0xC0) != 0 || pos + 1 + b > len) {
                return -1;
            }
            total += b + 1;
            if (total > MAX_NAME) {
                return -1;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(new String(buf, pos + 1, b, StandardCharsets.ISO_8859_1));
            pos += 1 + b;
        }
    }

    /** A NOERROR reply with one A record per address (none: "no data" for a name that exists). */
    public static byte[] answer(Query q, List<Inet4Address> addresses, int ttlSeconds) {
        ByteArrayOutputStream out = header(q, NOERROR, addresses.size());
        for (Inet4Address a : addresses) {
            writeU16(out, 0xC000 | HEADER);
            writeU16(out, TYPE_A);
            writeU16(out, CLASS_IN);
            writeU16(out, ttlSeconds >>> 16);
            writeU16(out, ttlSeconds & 0xFFFF);
            writeU16(out, 4);
            out.writeBytes(a.getAddress());
        }
        return out.toByteArray();
    }

    /** A reply without answers carrying {@code rcode} (NXDOMAIN, SERVFAIL, ...). */
    public static byte[] error(Query q, int rcode) {
        return header(q, rcode, 0).toByteArray();
    }

    /** A reply to a message that could not be parsed: header only, no question. */
    public static byte[] error(int id, int rcode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER);
        writeU16(out, id);
        writeU16(out, 0x8000 | 0x0080 | rcode);
        for (int i = 0; i < 4; i++) {
            writeU16(out, 0);
        }
        return out.toByteArray();
    }

    private static ByteArrayOutputStream header(Query q, int rcode, int answers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + q.question().length + answers * 16);
        writeU16(out, q.id());
        // QR, the query's opcode and RD, RA (we recurse through the forwarder), the rcode
        writeU16(out, 0x8000 | (q.flags() & 0x7800) | (q.flags() & 0x0100) | 0x0080 | rcode);
        writeU16(out, 1);
        writeU16(out, answers);
        writeU16(out, 0);
        writeU16(out, 0);
        out.writeBytes(q.question());
        return out;
    }

    static int u16(byte[] buf, int pos) {
        return ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
