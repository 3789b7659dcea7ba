/**
 * {@code /networks}: create, list, inspect, remove, prune over the engine's
 * {@code NetworkService}. Must not depend on other route groups.
 */
package dev.berth.daemon.router.networks;
