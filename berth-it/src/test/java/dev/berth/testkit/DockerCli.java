package dev.berth.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The official docker CLI (client only) the compatibility tests drive. */
public final class DockerCli {

    public static final String PATH = "/usr/local/bin/docker";

    private DockerCli() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(PATH));
    }
}
