package dev.berth.it;

/** {@link TerminalIT} on crun, which sizes and proxies the container's terminal its own way. */
class TerminalCrunIT extends TerminalIT {

    @Override
    protected String runtime() {
        return "crun";
    }
}
