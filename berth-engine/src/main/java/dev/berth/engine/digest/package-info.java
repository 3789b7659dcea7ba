/** Typed content identifiers (digests, diff IDs, chain IDs). Depends on nothing. */
package dev.berth.engine.digest;
