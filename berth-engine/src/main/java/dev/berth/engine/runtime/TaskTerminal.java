package dev.berth.engine.runtime;

/** The pseudo-terminal a task with a TTY runs on. */
public interface TaskTerminal {

    /**
     * Sets the terminal's size in character cells; the process in it receives SIGWINCH.
     *
     * @throws dev.berth.engine.error.SystemException when the terminal is gone
     */
    void resize(int rows, int columns);
}
