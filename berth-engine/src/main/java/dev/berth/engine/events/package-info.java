/**
 * The engine's event stream ({@code GET /events}): events as values, a bus with a bounded
 * in-memory history, and dockerd's filters. A leaf: depends on nothing else in berth;
 * services publish to it, the daemon's events route reads from it.
 */
package dev.berth.engine.events;
