package dev.berth.cli.command.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveBuildViewTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong();
    private final LiveBuildView view = new LiveBuildView(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60,
            clock::get);

    /** What a terminal shows after the output so far: cursor-up, carriage return and erase-below applied. */
    private List<String> screen() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(""));
        int row = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\033') {
                int end = i + 2;
                while (!Character.isLetter(s.charAt(end))) {
                    end++;
                }
                String arg = s.substring(i + 2, end);
                switch (s.charAt(end)) {
                    case 'A' -> row -= Integer.parseInt(arg);
                    case 'J' -> {
                        while (lines.size() > row) {
                            lines.removeLast();
                        }
                        lines.add("");
                    }
                    default -> { } // colours
                }
                i = end;
            } else if (c == '\n') {
                row++;
                if (lines.size() <= row) {
                    lines.add("");
                }
            } else if (c != '\r') {
                lines.set(row, lines.get(row) + c);
            }
        }
        return lines.subList(0, lines.size() - (lines.getLast().isEmpty() ? 1 : 0)).stream()
                .map(String::stripTrailing).toList();
    }

    private void stepOne() {
        view.accept("Step 1/3 : FROM busybox\n ---> 3f2a1b\n");
        view.accept("Step 2/3 : ENV A=1\n ---> Using cache\n ---> 4c5d\n");
        view.accept("Step 3/3 : RUN make\n ---> Running in 0123456789ab\n");
    }

    @Test
    void theRunningStep_showsItsLastLines_andFinishedStepsOneLineEach() {
        stepOne();
        clock.set(1_500_000_000L);
        for (int i = 1; i <= 8; i++) {
            view.accept("line " + i + "\n");
        }
        view.tick();
        assertThat(screen()).containsExactly(
                "Step 1/3 : FROM busybox                                0.0s",
                "Step 2/3 : ENV A=1                                   CACHED",
                "=> Step 3/3 : RUN make                                 1.5s",
                "   line 3", "   line 4", "   line 5", "   line 6", "   line 7", "   line 8");
    }

    @Test
    void success_replacesTheLiveLines_withTheSummary() {
        stepOne();
        view.accept("compiling\n");
        clock.set(2_000_000_000L);
        view.accept("Removing intermediate container 0123456789ab\n ---> 77aa\nSuccessfully built 77aa\n"
                + "Successfully tagged app:latest\n");
        view.finish(true);
        assertThat(screen()).containsExactly(
                "Step 1/3 : FROM busybox                                0.0s",
                "Step 2/3 : ENV A=1                                   CACHED",
                "Step 3/3 : RUN make                                    2.0s",
                "Successfully built 77aa",
                "Successfully tagged app:latest");
    }

    @Test
    void failure_leavesTheFailingStepsWholeOutput() {
        stepOne();
        for (int i = 1; i <= 10; i++) {
            view.accept("error line " + i + "\n");
        }
        view.finish(false);
        List<String> screen = screen();
        assertThat(screen.get(2)).isEqualTo("Step 3/3 : RUN make");
        assertThat(screen.subList(3, screen.size())).hasSize(10).startsWith("error line 1").endsWith("error line 10");
    }
}
