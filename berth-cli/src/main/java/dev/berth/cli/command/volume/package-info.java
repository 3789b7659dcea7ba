/** The {@code volume} verbs: create, ls, inspect, rm, prune, with docker's output. */
package dev.berth.cli.command.volume;
