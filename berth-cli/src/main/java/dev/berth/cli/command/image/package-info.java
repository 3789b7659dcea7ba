/** Image verbs: ls, rm, tag, history, import, save, load, inspect, and berth's bootstrap. */
package dev.berth.cli.command.image;
