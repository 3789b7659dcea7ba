package dev.berth.engine.networks.dns;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS messages (RFC 1035) the embedded server reads and writes: a standard query with one
 * question (names may use compression pointers) and, if the client sent one, an EDNS OPT record
 * (RFC 6891: only its UDP payload size is read); and replies to it: A or PTR records, no data,
 * NXDOMAIN, SERVFAIL, FORMERR, NOTIMP. Replies copy the ID, the opcode and RD, set RA as dockerd's
 * resolver does, and echo the question; answers point at it (offset 12) instead of repeating the
 * name. Replies carry no OPT record (dockerd's do not either).
 */
public final class DnsMessage {

    public static final int TYPE_A = 1;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_OPT = 41;
    public static final int CLASS_IN = 1;
    /** The largest UDP reply a client without EDNS takes (RFC 1035 4.2.1). */
    public static final int UDP_SIZE = 512;
    /** The largest message at all: TCP's two-byte length prefix (RFC 1035 4.2.2). */
    public static final int MAX_SIZE = 65_535;

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;

    static final int HEADER = 12;
    /** One A answer: name pointer, type, class, TTL, length, address. */
    private static final int A_RECORD = 16;
    private static final int MAX_NAME = 255;
    private static final int MAX_JUMPS = 16;

    /**
     * One query as read: its header fields and its question.
     *
     * @param name     lower case, without the trailing dot; empty for the root
     * @param question the question section, echoed in replies: the name as sent (case kept), without pointers
     * @param udpSize  the largest UDP reply the client takes: its EDNS payload size, at least 512
     */
    public record Query(int id, int flags, String name, int type, int qclass, byte[] question, int udpSize) {

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
                u16(buf, end), u16(buf, end + 2), question, udpSize(buf, len, end + 4)));
    }

    /**
     * The payload size of the OPT record among the records after the question, at least 512;
     * 512 when there is none or the records are malformed (the question alone is answerable).
     */
    private static int udpSize(byte[] buf, int len, int pos) {
        int records = u16(buf, 6) + u16(buf, 8) + u16(buf, 10);
        for (int i = 0; i < records; i++) {
            pos = readName(buf, len, pos, new StringBuilder());
            if (pos < 0 || pos + 10 > len) {
                return UDP_SIZE;
            }
            if (u16(buf, pos) == TYPE_OPT) {
                return Math.max(UDP_SIZE, u16(buf, pos + 2));
            }
            pos += 10 + u16(buf, pos + 8);
        }
        return UDP_SIZE;
    }

    /** The question re-encoded without pointers (they would point elsewhere in a reply), case kept. */
    private static byte[] encodeQuestion(String name, byte[] buf, int typeAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 6);
        out.writeBytes(encodeName(name));
        out.write(buf, typeAt, 4);
        return out.toByteArray();
    }

    /** A name as labels, without pointers; empty: the root. */
    private static byte[] encodeName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 2);
        if (!name.isEmpty()) {
            for (String label : name.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.write(0);
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
        return answer(q, addresses, ttlSeconds, MAX_SIZE);
    }

    /**
     * As {@link #answer(Query, List, int)}, at most {@code limit} bytes long: the records that
     * do not fit are left out and TC is set, so the client asks again over TCP (RFC 2181 9).
     */
    public static byte[] answer(Query q, List<Inet4Address> addresses, int ttlSeconds, int limit) {
        int fit = Math.clamp((limit - HEADER - q.question().length) / A_RECORD, 0, addresses.size());
        ByteArrayOutputStream out = header(q, NOERROR, fit, fit < addresses.size());
        for (Inet4Address a : addresses.subList(0, fit)) {
            writeRecordHeader(out, TYPE_A, ttlSeconds, 4);
            out.writeBytes(a.getAddress());
        }
        return out.toByteArray();
    }

    /** A NOERROR reply with one PTR record per host name (no trailing dot, each {@link #encodable}). */
    public static byte[] pointers(Query q, List<String> hosts, int ttlSeconds) {
        ByteArrayOutputStream out = header(q, NOERROR, hosts.size(), false);
        for (String host : hosts) {
            byte[] target = encodeName(host);
            writeRecordHeader(out, TYPE_PTR, ttlSeconds, target.length);
            out.writeBytes(target);
        }
        return out.toByteArray();
    }

    /** Whether {@code name} can be written as a DNS name: labels of 1 to 63 bytes, 255 bytes in all. */
    public static boolean encodable(String name) {
        if (name.isEmpty() || name.length() + 2 > MAX_NAME) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(label)) {
                return false;
            }
        }
        return true;
    }

    /** Name (a pointer to the question), type, class IN, TTL and data length of one answer. */
    private static void writeRecordHeader(ByteArrayOutputStream out, int type, int ttlSeconds, int dataLength) {
        writeU16(out, 0xC000 | HEADER);
        writeU16(out, type);
        writeU16(out, CLASS_IN);
        writeU16(out, ttlSeconds >>> 16);
        writeU16(out, ttlSeconds & 0xFFFF);
        writeU16(out, dataLength);
    }

    /** A reply without answers carrying {@code rcode} (NXDOMAIN, SERVFAIL, ...). */
    public static byte[] error(Query q, int rcode) {
        return header(q, rcode, 0, false).toByteArray();
    }

    /** Whether a message has TC set: a UDP reply cut short, to be asked again over TCP. */
    public static boolean truncated(byte[] message) {
        return message.length >= HEADER && (message[2] & 0x02) != 0;
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

    private static ByteArrayOutputStream header(Query q, int rcode, int answers, boolean truncated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + q.question().length + answers * A_RECORD);
        writeU16(out, q.id());
        // QR, the query's opcode, TC if cut short, RD, RA (we recurse through the forwarder), the rcode
        writeU16(out, 0x8000 | (q.flags() & 0x7800) | (truncated ? 0x0200 : 0) | (q.flags() & 0x0100) | 0x0080 | rcode);
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
