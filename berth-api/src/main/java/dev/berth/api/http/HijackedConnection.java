package dev.berth.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/**
 * The raw, bidirectional byte stream left after an upgraded attach or exec request.
 *
 * <p>{@link #in()} starts with any bytes the client read past the response head. Reading and
 * writing from two threads at once is supported. {@link #closeWrite()} half-closes (the server
 * sees EOF on its input, as when the CLI's stdin ends) while output keeps arriving on
 * {@link #in()} until the server closes.
 */
public final class HijackedConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final ResponseHead head;
    private final HttpInput in;
    private final OutputStream out;

    HijackedConnection(SocketChannel channel, ResponseHead head, HttpInput in) {
        this.channel = channel;
        this.head = head;
        this.in = in;
        this.out = ChannelStreams.output(channel);
    }

    /** 101 when upgraded, 200 when the server answered with a plain raw stream. */
    public int status() {
        return head.status();
    }

    public Headers headers() {
        return new Headers(head.headers());
    }

    /**
     * The stream's media type: "application/vnd.docker.raw-stream" or
     * "application/vnd.docker.multiplexed-stream"; null when absent.
     */
    public String contentType() {
        return head.headers().first("Content-Type");
    }

    /** Bytes from the server. Closing it closes the connection. */
    public InputStream in() {
        return in;
    }

    /** Bytes to the server, unbuffered. Closing it closes the connection. */
    public OutputStream out() {
        return out;
    }

    /** Shuts down the write side only: the server reads EOF, and we keep reading. */
    public void closeWrite() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
