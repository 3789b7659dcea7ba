/** Image wire types: list, inspect, history, delete. */
package dev.berth.api.types.image;
