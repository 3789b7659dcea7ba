/**
 * Distribution: talking to OCI registries. Resolves a reference to a manifest (OCI index or
 * Docker manifest list with platform selection, Docker v2 schema 2 and OCI manifests), pulls
 * blobs verified by digest into the content store and registers layers in order, pushes
 * compressed layers, the config and the manifest. Uses the JDK's HttpClient. Depends on
 * {@code images}, {@code layers}, {@code content}, {@code reference} and the leaves; knows
 * nothing of the HTTP API it is served through.
 */
package dev.berth.engine.distribution;
