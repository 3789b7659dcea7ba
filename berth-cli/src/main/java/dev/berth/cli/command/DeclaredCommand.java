package dev.berth.cli.command;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that declares its options in code ({@link SpecBuilder}) instead of with picocli's
 * annotations. Reading annotations makes the JDK generate a proxy class per annotation type,
 * about 35 ms of a CLI start that AOT caches cannot keep; the commands run most often
 * ({@code berth}, {@code run}, {@code create}, {@code ps}) declare themselves this way.
 */
public interface DeclaredCommand {

    /** A new spec whose options write into this command; called once, before parsing. */
    CommandSpec spec();
}
