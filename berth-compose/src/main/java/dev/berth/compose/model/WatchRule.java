package dev.berth.compose.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of a service's {@code develop.watch}: which host files to watch and what to do
 * when they change.
 *
 * @param action      what to do
 * @param path        the absolute host path watched (a directory, recursively, or one file)
 * @param target      where {@code path} lands in the container, for the sync actions; else null
 * @param ignore      .dockerignore-like patterns, relative to {@code path}, of changes to skip
 * @param include     patterns, relative to {@code path}, a change must match; empty: all
 * @param exec        the command of a {@code sync+exec} rule, else null
 * @param initialSync copy the whole path into the containers when watching begins
 */
public record WatchRule(WatchAction action, Path path, String target, List<String> ignore, List<String> include,
        WatchExec exec, boolean initialSync) {

    public WatchRule {
        ignore = Copies.list(ignore);
        include = Copies.list(include);
    }
}
