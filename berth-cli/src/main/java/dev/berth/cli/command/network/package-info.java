/** {@code berth network ...}: create, ls, inspect, rm, prune over the {@code /networks} API. */
package dev.berth.cli.command.network;
