/**
 * What the build client and the daemon's builder share about a build context: the
 * {@code .dockerignore} rules ({@link dev.berth.api.build.DockerIgnore}) and a tar writer for
 * the context ({@link dev.berth.api.build.ContextTar}), and how a context URL is told apart
 * ({@link dev.berth.api.build.RemoteContextUrl}). Pure Java; no engine or daemon types.
 */
package dev.berth.api.build;
