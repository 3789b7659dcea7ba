/**
 * The Engine API's routes: one class per resource group, each mapping requests onto the
 * engine, and the single error mapping. Depends on the engine and the HTTP layer; the
 * engine never sees HTTP.
 */
package dev.berth.daemon.router;
