package dev.berth.daemon;

import java.time.Instant;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One-line log records on stderr, as dockerd writes them: time, level, message. */
final class Logging {

    private Logging() {
    }

    static void configure(String level) {
        Level julLevel = switch (level == null ? "info" : level.toLowerCase(Locale.ROOT)) {
            case "debug", "trace" -> Level.FINE;
            case "warn", "warning" -> Level.WARNING;
            case "error", "fatal", "panic" -> Level.SEVERE;
            default -> Level.INFO;
        };
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(julLevel);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                StringBuilder sb = new StringBuilder()
                        .append("time=\"").append(Instant.ofEpochMilli(r.getMillis())).append("\" level=")
                        .append(levelName(r.getLevel())).append(" msg=\"").append(formatMessage(r)).append('"');
                if (r.getThrown() != null) {
                    sb.append(" error=\"").append(r.getThrown()).append('"');
                    if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                        var w = new java.io.StringWriter();
                        r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                        sb.append('\n').append(w);
                    }
                }
                return sb.append('\n').toString();
            }
        });
        root.addHandler(handler);
        root.setLevel(julLevel);
    }

    private static String levelName(Level l) {
        if (l.intValue() >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (l.intValue() >= Level.WARNING.intValue()) {
            return "warning";
        }
        if (l.intValue() >= Level.INFO.intValue()) {
            return "info";
        }
        return "debug";
    }
}
