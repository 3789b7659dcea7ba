package dev.berth.engine.builder;

/**
 * Where a build reports what it does, in the classic builder's words: "Step 1/3 : FROM x",
 * " ---> Using cache", " ---> 3f2a...", RUN output as the process writes it. Calls come from
 * one thread at a time; text carries its own newlines.
 */
@FunctionalInterface
public interface BuildProgress {

    void stream(String text);
}
