/**
 * Unpacked image layers, each stored once under {@code layers/<chain-id>/diff} and shared by
 * every image whose layer stack has it: the read-only lower directories of an overlay mount.
 * Depends on {@code archive}, {@code digest}, {@code metadata} and the error kinds; knows
 * nothing of images (which image uses a layer is the image store's business).
 */
package dev.berth.engine.layers;
