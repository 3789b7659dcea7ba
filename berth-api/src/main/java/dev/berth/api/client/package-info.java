/**
 * The Engine API client: {@link dev.berth.api.client.EngineClient} turns typed calls into
 * requests over a {@link dev.berth.api.client.Transport}, negotiates the API version and turns
 * error answers into {@link dev.berth.api.client.ApiException}. Used by the berth CLI and
 * compose. EngineClient knows nothing of sockets or HTTP framing, which a Transport supplies;
 * the one real Transport, {@link dev.berth.api.client.UnixSocketTransport}, adapts
 * {@code dev.berth.api.http.UnixHttpClient}. Depends on the wire types, stream framing and
 * HTTP layer of berth-api only.
 */
package dev.berth.api.client;
