package dev.berth.engine.networks.dns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * DNS over TCP framing (RFC 1035 4.2.2, RFC 7766 8): each message is preceded by its length as
 * two bytes, big endian, so one connection carries several queries and replies in turn.
 */
final class TcpFrames {

    private TcpFrames() {
    }

    /** {@code message} with its length prefix; a message longer than 65,535 bytes cannot be framed. */
    static byte[] frame(byte[] message) {
        if (message.length > DnsMessage.MAX_SIZE) {
            throw new IllegalArgumentException("a DNS message over TCP is at most 65535 bytes, not " + message.length);
        }
        byte[] out = new byte[message.length + 2];
        out[0] = (byte) (message.length >> 8);
        out[1] = (byte) message.length;
        System.arraycopy(message, 0, out, 2, message.length);
        return out;
    }

    /**
     * The next message; empty when the peer closed the connection between messages.
     *
     * @throws EOFException when it closed inside one (after a length byte or before its end)
     */
    static Optional<byte[]> read(InputStream in) throws IOException {
        int high = in.read();
        if (high < 0) {
            return Optional.empty();
        }
        int low = in.read();
        if (low < 0) {
            throw new EOFException("connection closed inside a DNS message's length");
        }
        int length = (high << 8) | low;
        byte[] message = in.readNBytes(length);
        if (message.length < length) {
            throw new EOFException("connection closed after " + message.length + " of " + length + " bytes of a DNS message");
        }
        return Optional.of(message);
    }
}
