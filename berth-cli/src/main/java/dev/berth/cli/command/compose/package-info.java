/**
 * {@code berth compose ...}: the docker compose v2 verbs over {@code dev.berth.compose.project}.
 * The group command holds compose's global flags (-f, -p, --project-directory, --profile,
 * --env-file) and loads the project; each verb is one class. Progress goes to stderr as
 * compose prints it (plain lines, or ✔ lines on a terminal); logs to stdout with compose's
 * prefixes. {@code exec}, {@code stats}, {@code attach} and the attached part of {@code run}
 * delegate to berth's own {@code exec}, {@code stats}, {@code attach} and {@code start -a}, on
 * the containers compose picked (stats and attach take their flags from the container commands'
 * mixins, so the two stay alike).
 *
 * <p>May depend on the compose model, loader and runtime, berth-api's client, and the CLI's
 * own infrastructure (and the container commands' flag mixins); never on the engine or daemon.
 */
package dev.berth.cli.command.compose;
