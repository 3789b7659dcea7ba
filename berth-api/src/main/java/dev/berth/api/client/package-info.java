/**
 * The Engine API client: {@link dev.berth.api.client.EngineClient} turns typed calls into
 * requests over a {@link dev.berth.api.client.Transport}, negotiates the API version and turns
 * error answers into {@link dev.berth.api.client.ApiException}. Used by the berth CLI and
 * compose. Depends on the wire types and stream framing of berth-api only; it knows nothing of
 * sockets or HTTP framing, which a Transport supplies.
 */
package dev.berth.api.client;
