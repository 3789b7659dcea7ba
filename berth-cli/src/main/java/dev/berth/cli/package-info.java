/**
 * The {@code berth} CLI: docker's grammar and output over the Engine API client. {@link
 * dev.berth.cli.Main} builds only the command it is asked for (start-up time is the budget);
 * commands live in {@code dev.berth.cli.command.*}; text shaping (templates, tables, row
 * fields) lives in {@code dev.berth.cli.format}, and {@link dev.berth.cli.Output} is the CLI's
 * door to it. Depends on berth-api (client, wire types, units) and picocli; never on the
 * engine or the daemon.
 */
package dev.berth.cli;
