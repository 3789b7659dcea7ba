/** Container verbs: run, create, start, stop, kill, restart, rm, ps, logs, inspect, wait, rename. */
package dev.berth.cli.command.container;
