package dev.berth.daemon.http;

import dev.berth.api.http.BodyFraming;
import dev.berth.api.http.ChannelStreams;
import dev.berth.api.http.Headers;
import dev.berth.api.http.HttpCodec;
import dev.berth.api.http.HttpInput;
import dev.berth.api.http.HttpProtocolException;
import dev.berth.api.http.Query;
import dev.berth.api.http.RequestHead;
import dev.berth.api.http.UriCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One accepted connection, served on its own virtual thread: requests one after another
 * (keep-alive) until the client closes, asks to close, times out, sends something malformed, or
 * the connection is hijacked.
 */
final class ServerConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
    /** Unread request body we are willing to read and drop to keep the connection. */
    private static final long MAX_DRAIN = 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final UnixHttpServer server;
    private final HttpHandler handler;
    private final ServerOptions options;
    private final ScheduledExecutorService watchdog;
    private final HttpInput in;
    private final OutputStream out;
    private volatile boolean hijacked;

    ServerConnection(SocketChannel channel, UnixHttpServer server, HttpHandler handler, ServerOptions options,
            ScheduledExecutorService watchdog) {
        this.channel = channel;
        this.server = server;
        this.handler = handler;
        this.options = options;
        this.watchdog = watchdog;
        this.in = new HttpInput(ChannelStreams.input(channel));
        this.out = new BufferedOutputStream(ChannelStreams.output(channel), 16 * 1024);
    }

    @Override
    public void run() {
        try {
            while (serveOne()) {
                // next request on the same connection
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "connection ended: {0}", e.toString());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "connection failed", e);
        } finally {
            if (!hijacked) {
                close();
            }
        }
    }

    /** Serves one request; true when the connection may carry another. */
    private boolean serveOne() throws IOException {
        RequestHead head;
        ScheduledFuture<?> timer = arm(options.idleTimeout());
        try {
            if (!in.awaitData()) {
                return false;
            }
            timer.cancel(false);
            timer = arm(options.headTimeout());
            head = HttpCodec.readRequestHead(in);
            if (head == null) {
                return false;
            }
        } catch (HttpProtocolException e) {
            reject(e.status(), e.getMessage());
            return false;
        } finally {
            timer.cancel(false);
        }
        return exchange(head);
    }

    private boolean exchange(RequestHead head) throws IOException {
        String path;
        Query query;
        try {
            path = UriCodec.decodePath(head.rawPath());
            query = Query.parse(head.rawQuery());
        } catch (IllegalArgumentException e) {
            reject(400, "malformed percent-encoding in request target");
            return false;
        }
        BodyFraming framing = HttpCodec.requestFraming(head.headers());
        if (!(framing instanceof BodyFraming.None) && head.headers().hasToken("Expect", "100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        InputStream body = framing.open(in);
        ServerRequest req = new ServerRequest(head, path, query, body);
        boolean keepAlive = head.keepAlive() && !server.isClosing();
        ServerResponse res = new ServerResponse(req, this, out, options.defaultHeaders(), !keepAlive);
        try {
            handler.handle(req, res);
            if (!res.isCommitted()) {
                res.sendError(500, "handler sent no response for " + req, false);
            }
        } catch (Exception e) {
            if (res.isCommitted()) {
                LOG.log(Level.DEBUG, "handler failed after answering " + req, e);
                return false;
            }
            if (e instanceof HttpProtocolException p) {
                res.sendError(p.status(), p.getMessage(), true);
                return false;
            }
            // A vanished client is routine; anything else is a bug the router should have mapped.
            LOG.log(e instanceof IOException ? Level.DEBUG : Level.WARNING, "handler failed on " + req, e);
            res.sendError(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
        }
        if (res.isHijacked()) {
            return false;
        }
        res.finish();
        if (res.closeAfter()) {
            return false;
        }
        return drained(body);
    }

    /** Reads and drops what is left of a body; false when too much is left to bother. */
    private static boolean drained(InputStream body) throws IOException {
        long skipped = 0;
        byte[] scratch = new byte[8192];
        int n;
        while ((n = body.read(scratch)) >= 0) {
            skipped += n;
            if (skipped > MAX_DRAIN) {
                return false;
            }
        }
        return true;
    }

    /** Answers a malformed request and lets the connection close; never a stack trace. */
    private void reject(int status, String message) {
        RequestHead none = new RequestHead("GET", "/", "HTTP/1.1", new Headers());
        ServerRequest req = new ServerRequest(none, "/", Query.empty(), InputStream.nullInputStream());
        ServerResponse res = new ServerResponse(req, this, out, options.defaultHeaders(), true);
        try {
            res.sendError(status, message, true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not send {0}: {1}", status, e.toString());
        }
    }

    private ScheduledFuture<?> arm(Duration timeout) {
        return watchdog.schedule(this::close, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Called by {@link ServerResponse#hijack}: from now on the handler owns the channel. */
    Hijacked hijacked() {
        hijacked = true;
        OutputStream rawOut = ChannelStreams.output(channel);
        return new Hijacked() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return rawOut;
            }

            @Override
            public void closeWrite() throws IOException {
                channel.shutdownOutput();
            }

            @Override
            public void close() {
                ServerConnection.this.close();
            }
        };
    }

    /** Closes the channel (from any thread: the watchdog, the server, the handler). */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "close failed: {0}", e.toString());
        } finally {
            server.forget(this);
        }
    }
}
