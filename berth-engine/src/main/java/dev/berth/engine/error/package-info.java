/**
 * The sealed family of failures engine services throw. Depends on nothing; everything in the
 * engine may use it. Only berth-daemon turns these into HTTP statuses.
 */
package dev.berth.engine.error;
