/**
 * Image references as Docker writes them ({@code busybox}, {@code localhost:5000/x/y:tag},
 * {@code name@sha256:...}), normalised the way Docker Hub does. Pure value types: depends on
 * nothing but {@code dev.berth.engine.digest} and the error kinds.
 */
package dev.berth.engine.reference;
