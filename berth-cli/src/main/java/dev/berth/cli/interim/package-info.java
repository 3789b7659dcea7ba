/**
 * INTERIM, replaced by dev.berth.cli.format (GoTemplate, TableWriter) and dev.berth.api.units
 * (HumanDuration, HumanSize) when the branches merge: minimal versions with the same names and
 * signatures so that h-cli builds alone. The integrator changes the imports in
 * {@link dev.berth.cli.Output} and the row classes, then deletes this package.
 */
package dev.berth.cli.interim;
