package dev.berth.cli.command.image;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The terminal view of a build: each finished step becomes one line ("Step 2/5 : RUN make
 * 1.3s", or CACHED); the step in progress is shown with its time and the last lines of its
 * output, redrawn in place (ANSI cursor-up and erase) at most ten times a second. The
 * classic builder's bookkeeping lines (" ---> ...", "Removing intermediate container") are
 * left out; "Successfully ..." and warnings are printed as they are. Thread-safe: the stream
 * feeds it and a ticker redraws it (so a silent step's clock still runs). When the build fails,
 * the failing step's whole output (its last {@value #KEPT} lines) stays on the screen.
 */
final class LiveBuildView implements BuildView {

    private static final Pattern STEP = Pattern.compile("Step [0-9]+/[0-9]+ : .*");
    private static final int TAIL = 6;
    private static final int KEPT = 200;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final int columns;
    private final LongSupplier nanos;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> stepOutput = new ArrayList<>();
    private String step;
    private long stepStart;
    private boolean cached;
    private int drawn;
    private long lastDraw = Long.MIN_VALUE;
    private volatile boolean finished;

    LiveBuildView(PrintStream out, int columns, LongSupplier nanos) {
        this.out = out;
        this.columns = Math.max(20, columns);
        this.nanos = nanos;
    }

    /** Redraws the live lines (the elapsed time, output held back by the rate limit); a ticker calls it. */
    synchronized void tick() {
        if (step != null) {
            redraw(nanos.getAsLong());
            out.flush();
        }
    }

    /** Starts a daemon thread that calls {@link #tick} every 100 ms until {@link #finish}. */
    LiveBuildView ticking() {
        Thread.ofPlatform().daemon().name("build-view").start(() -> {
            try {
                while (!finished) {
                    Thread.sleep(REDRAW_NANOS / 1_000_000);
                    tick();
                }
            } catch (InterruptedException e) {
                // the CLI is on its way out
            }
        });
        return this;
    }

    @Override
    public synchronized void accept(String text) {
        partial.append(text);
        int nl;
        boolean stepChanged = false;
        while ((nl = partial.indexOf("\n")) >= 0) {
            stepChanged |= line(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
        long now = nanos.getAsLong();
        if (stepChanged || now - lastDraw >= REDRAW_NANOS) {
            redraw(now);
        }
        out.flush();
    }

    @Override
    public synchronized void finish(boolean ok) {
        finished = true;
        if (!partial.isEmpty()) {
            line(partial.toString());
            partial.setLength(0);
        }
        clear();
        if (ok) {
            endStep();
        } else if (step != null) {
            out.println(fit(step));
            stepOutput.forEach(out::println);
            step = null;
        }
        out.flush();
    }

    /** Takes one line of the stream; true when a new step began. */
    private boolean line(String raw) {
        int cr = raw.lastIndexOf('\r', raw.length() - 2);
        String l = cr >= 0 ? raw.substring(cr + 1) : raw;
        if (l.endsWith("\r")) {
            l = l.substring(0, l.length() - 1);
        }
        if (STEP.matcher(l).matches()) {
            clear();
            endStep();
            step = l;
            stepStart = nanos.getAsLong();
            cached = false;
            tail.clear();
            stepOutput.clear();
            return true;
        }
        if (l.equals(" ---> Using cache")) {
            cached = true;
        } else if (l.startsWith(" ---> ") || l.startsWith("Removing intermediate container ")) {
            return false; // the classic builder's bookkeeping
        } else if (step == null || l.startsWith("Successfully ") || l.startsWith("[Warning]")) {
            clear();
            endStep(); // these come after the last step
            out.println(l);
        } else {
            tail.addLast(l);
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
            if (stepOutput.size() == KEPT) {
                stepOutput.removeFirst();
            }
            stepOutput.add(l);
        }
        return false;
    }

    /** The step in progress becomes a permanent line with its outcome. */
    private void endStep() {
        if (step != null) {
            String outcome = cached ? "CACHED" : seconds(nanos.getAsLong() - stepStart);
            out.println(fit(step, outcome));
            step = null;
        }
    }

    private void redraw(long now) {
        if (finished) {
            return;
        }
        clear();
        if (step == null) {
            return;
        }
        out.println(fit("=> " + step, seconds(now - stepStart)));
        drawn = 1;
        for (String l : tail) {
            out.println("\033[2m" + fit("   " + l) + "\033[0m");
            drawn++;
        }
        lastDraw = now;
    }

    /** Erases the live lines drawn last. */
    private void clear() {
        if (drawn > 0) {
            out.print("\033[" + drawn + "A\r\033[J");
            drawn = 0;
        }
    }

    private String fit(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() < columns ? clean : clean.substring(0, columns - 2) + "…";
    }

    /** {@code text} cut to leave room for {@code right}, which is aligned at the right edge. */
    private String fit(String text, String right) {
        String left = fit(text);
        int room = columns - 1 - right.length() - 1;
        if (left.length() > room) {
            left = left.substring(0, Math.max(0, room - 1)) + "…";
        }
        return left + " ".repeat(Math.max(1, columns - 1 - left.length() - right.length())) + right;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
