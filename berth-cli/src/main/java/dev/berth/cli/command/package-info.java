/**
 * The CLI's verbs, one small class each: {@code container}, {@code image} and {@code system}
 * groups, plus what they share (the base class, run/create's options). Commands talk to the
 * daemon only through {@link dev.berth.api.client.EngineClient} and print only through their
 * {@link dev.berth.cli.CliContext}.
 */
package dev.berth.cli.command;
