/** Container wire types: config, host config, create, inspect, list, wait. */
package dev.berth.api.types.container;
