/** Volume wire types: create request, volume, list and prune answers. */
package dev.berth.api.types.volume;
