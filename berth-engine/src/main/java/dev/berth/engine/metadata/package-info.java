/** Atomic, durable metadata writes (temp, fsync, rename, fsync dir). Depends on nothing. */
package dev.berth.engine.metadata;
