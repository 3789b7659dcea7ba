package dev.berth.cli.interim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * replaced by dev.berth.cli.format.TableWriter when merged. Go's tabwriter as docker sets it
 * up (minwidth 10, padding 3, spaces): text is buffered until {@link #flush()}; every
 * tab-terminated cell is padded to its column's width; the last cell of a line is not.
 */
public final class TableWriter {

    private final Appendable out;
    private final int minWidth;
    private final int padding;
    private final StringBuilder pending = new StringBuilder();

    public TableWriter(Appendable out) {
        this(out, 10, 3);
    }

    public TableWriter(Appendable out, int minWidth, int padding) {
        this.out = out;
        this.minWidth = minWidth;
        this.padding = padding;
    }

    public TableWriter write(String text) {
        pending.append(text);
        return this;
    }

    public void flush() {
        String text = pending.toString();
        pending.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        boolean endsWithNewline = text.endsWith("\n");
        String[] lines = (endsWithNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        List<String[]> cells = new ArrayList<>();
        int columns = 0;
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            cells.add(c);
            columns = Math.max(columns, c.length - 1);
        }
        int[] widths = new int[columns];
        for (String[] c : cells) {
            for (int i = 0; i < c.length - 1; i++) {
                widths[i] = Math.max(widths[i], c[i].codePointCount(0, c[i].length()) + padding);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            String[] c = cells.get(l);
            for (int i = 0; i < c.length; i++) {
                sb.append(c[i]);
                if (i < c.length - 1) {
                    int w = Math.max(widths[i], minWidth);
                    sb.repeat(' ', w - c[i].codePointCount(0, c[i].length()));
                }
            }
            if (l < cells.size() - 1 || endsWithNewline) {
                sb.append('\n');
            }
        }
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
