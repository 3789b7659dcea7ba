package dev.berth.daemon.http;

import dev.berth.api.http.BodyFraming;
import dev.berth.api.http.ChannelStreams;
import dev.berth.api.http.HttpCodec;
import dev.berth.api.http.HttpInput;
import dev.berth.api.http.ResponseHead;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A test client that writes raw bytes and reads responses one by one on one connection. */
final class RawConnection implements AutoCloseable {
    record Reply(ResponseHead head, String body) {}

    final SocketChannel channel;
    final HttpInput in;

    RawConnection(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        in = new HttpInput(ChannelStreams.input(channel));
    }

    void write(String s) throws IOException {
        ChannelStreams.output(channel).write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    Reply read(String method) throws IOException {
        ResponseHead head = HttpCodec.readResponseHead(in);
        BodyFraming framing = HttpCodec.responseFraming(method, head.status(), head.headers());
        String body = new String(framing.open(in).readAllBytes(), StandardCharsets.UTF_8);
        return new Reply(head, body);
    }

    /** True when the server has closed: the next read sees EOF (or a reset). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
