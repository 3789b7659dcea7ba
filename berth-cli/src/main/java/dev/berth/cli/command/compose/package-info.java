/**
 * {@code berth compose ...}: the docker compose v2 verbs over {@code dev.berth.compose.project}.
 * The group command holds compose's global flags (-f, -p, --project-directory, --profile,
 * --env-file) and loads the project; each verb is one class. Progress goes to stderr as
 * compose prints it (plain lines, or ✔ lines on a terminal); logs to stdout with compose's
 * prefixes. {@code exec} and the attached part of {@code run} delegate to berth's own
 * {@code exec} and {@code start -a}, on the container compose picked.
 *
 * <p>May depend on the compose model, loader and runtime, berth-api's client, and the CLI's
 * own infrastructure; never on the engine or daemon.
 */
package dev.berth.cli.command.compose;
