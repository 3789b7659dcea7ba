package dev.berth.it;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, prints the warnings and errors its berthd logged, so that a failure seen
 * only in a CI run's console says what the daemon thought went wrong (its log is deleted with
 * its roots when the class ends).
 */
final class DaemonLogOnFailure implements TestWatcher {

    private static final int MAX_LINES = 40;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (!(context.getTestInstance().orElse(null) instanceof DaemonFixture fixture) || fixture.daemon == null) {
            return;
        }
        List<String> complaints = fixture.daemon.logText().lines()
                .filter(l -> l.contains("level=warning") || l.contains("level=error"))
                .toList();
        List<String> last = complaints.subList(Math.max(0, complaints.size() - MAX_LINES), complaints.size());
        System.err.println("--- berthd warnings and errors during " + context.getDisplayName() + " (last "
                + last.size() + " of " + complaints.size() + ") ---");
        last.forEach(System.err::println);
        System.err.println("--- end of berthd log excerpt ---");
    }
}
