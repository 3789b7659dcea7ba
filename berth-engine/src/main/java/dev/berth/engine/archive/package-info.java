/**
 * Tar streams in and out of directory trees: safe extraction (nothing is ever written outside
 * the target root, whatever the entries or the links they create say), OCI whiteouts turned
 * into overlay whiteouts and back, the diff ID computed while reading, and a record of the
 * stream (tar-split) to reproduce the exact bytes later. Depends on {@code digest}, the error
 * kinds, Commons Compress and {@code dev.berth.posix}; knows nothing of images or layers.
 */
package dev.berth.engine.archive;
