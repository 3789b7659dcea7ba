/**
 * HTTP/1.1 over UNIX-domain sockets, shared by berthd and its clients: header model, head
 * parsing and writing with hard limits, body framing (fixed length, chunked), query strings, and
 * a blocking one-connection-per-request client with hijack support for attach/exec streams.
 *
 * <p>Everything here is blocking I/O meant to run on virtual threads. Malformed input is
 * reported as {@link dev.berth.api.http.HttpProtocolException} carrying the status a server
 * should answer with.
 *
 * <p>Depends only on the JDK. Knows nothing about the daemon, routes or Engine API types.
 */
package dev.berth.api.http;
