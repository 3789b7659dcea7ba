/** Exec wire types: {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start}, {@code GET /exec/{id}/json}. */
package dev.berth.api.types.exec;
