package dev.berth.cli.command.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.compose.project.Progress;
import org.junit.jupiter.api.Test;

class ProgressBoardTest {

    private static final long MS = 1_000_000L;

    @Test
    void lines_spinWhileWorking_andTickWhenDone_withTheTimeTaken() {
        ProgressBoard board = new ProgressBoard(false);
        board.update("Network app_default", Progress.State.WORKING, "Creating", 0);
        board.update("Network app_default", Progress.State.DONE, "Created", 100 * MS);
        board.update("Container app-web-1", Progress.State.WORKING, "Creating", 100 * MS);
        board.update("Container app-web-1", Progress.State.WORKING, "Starting", 300 * MS);

        assertThat(board.working()).isTrue();
        assertThat(board.render(500 * MS, 1)).containsExactly(
                "[+] Running 1/2",
                " ✔ Network app_default Created  0.1s",
                " ⠙ Container app-web-1 Starting 0.4s");

        board.update("Container app-web-1", Progress.State.DONE, "Started", 600 * MS);
        assertThat(board.working()).isFalse();
        assertThat(board.render(900 * MS, 2)).containsExactly(
                "[+] Running 2/2",
                " ✔ Network app_default Created 0.1s",
                " ✔ Container app-web-1 Started 0.5s");
    }

    @Test
    void aResourceWorkedOnAgain_startsItsClockAgain() {
        ProgressBoard board = new ProgressBoard(false);
        board.update("Container a-1", Progress.State.DONE, "Started", 0);
        board.update("Container a-1", Progress.State.WORKING, "Restarting", 1000 * MS);
        assertThat(board.render(1200 * MS, 0)).containsExactly("[+] Running 0/1", " ⠋ Container a-1 Restarting 0.2s");
    }
}
