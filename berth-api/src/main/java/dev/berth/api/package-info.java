/**
 * The Docker Engine API as berth speaks it: wire types, stream framing, the HTTP codec and
 * the client. Shared by berthd and every client; depends on nothing of berth.
 */
package dev.berth.api;
