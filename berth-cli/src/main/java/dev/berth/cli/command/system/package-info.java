/** System verbs: version, info, inspect (any object), and the container/image groups. */
package dev.berth.cli.command.system;
