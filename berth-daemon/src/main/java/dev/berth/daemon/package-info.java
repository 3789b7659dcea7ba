/**
 * berthd: configuration, start-up and shutdown, and the wiring of engine services to the
 * API routes (the composition root). Nothing below may depend on this package.
 */
package dev.berth.daemon;
