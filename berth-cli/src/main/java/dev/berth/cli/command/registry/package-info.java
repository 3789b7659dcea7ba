/**
 * Registry verbs of the CLI: pull, push, login, logout, and the credentials file
 * ({@code ~/.berth/config.json}, falling back to {@code ~/.docker/config.json}) whose entries
 * are sent to the daemon as {@code X-Registry-Auth}.
 */
package dev.berth.cli.command.registry;
