package dev.berth.engine.builder;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the output of stages that run at the same time in Dockerfile order, so the stream
 * reads as the classic (serial) builder's: the earliest unfinished stage writes through to
 * the build's progress, later ones are held until every stage before them has finished. A
 * failed stage's output is written at once, so the error follows the output that explains it.
 * Thread-safe: each stage writes from its own thread.
 */
final class StageOutput {

    private final BuildProgress target;
    private final List<StringBuilder> held = new ArrayList<>();
    private final boolean[] finished;
    private int head;

    /** {@code stages}: how many stages there are, in the order their output is to appear. */
    StageOutput(BuildProgress target, int stages) {
        this.target = target;
        this.finished = new boolean[stages];
        for (int i = 0; i < stages; i++) {
            held.add(new StringBuilder());
        }
    }

    /** The progress of the {@code position}-th stage. */
    BuildProgress stage(int position) {
        return text -> write(position, text);
    }

    private synchronized void write(int position, String text) {
        if (position == head) {
            target.stream(text);
        } else {
            held.get(position).append(text);
        }
    }

    /** The stage is done: when it was the one writing through, the next ones' held output follows. */
    synchronized void finish(int position) {
        finished[position] = true;
        while (head < finished.length && finished[head]) {
            head++;
            if (head < finished.length) {
                flush(head);
            }
        }
    }

    /** The stage failed: its held output goes out now, whatever the order. */
    synchronized void fail(int position) {
        flush(position);
        finished[position] = true;
    }

    private void flush(int position) {
        StringBuilder text = held.get(position);
        if (!text.isEmpty()) {
            target.stream(text.toString());
            text.setLength(0);
        }
    }
}
