package dev.berth.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as the docker CLI configures it for tables: cells end at a tab;
 * every cell that ends with a tab is padded to its column's width; the last cell of a line is
 * not a column cell and is never padded. A column's width is the widest cell plus
 * {@code padding}, at least {@code minWidth}, and holds over a block of consecutive lines that
 * all have a cell in that column; a line without one ends the block, so the next block is
 * aligned on its own. Widths count display columns (wide characters take two).
 *
 * <p>{@link #docker()} is {@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}. Empty middle
 * cells are padded like any other, so a row whose last column is empty ends in spaces, as in
 * docker's output. Only space padding is implemented ({@code tabWidth} matters for tabs only).
 */
public record TableWriter(int minWidth, int tabWidth, int padding, char padChar) {

    /** The docker CLI's table writer: minwidth 10, tabwidth 1, padding 3, spaces. */
    public static TableWriter docker() {
        return new TableWriter(10, 1, 3, ' ');
    }

    private record Cell(String text, int width, boolean tab) {
    }

    /** Aligns {@code text}: lines separated by '\n', cells by '\t'. */
    public String align(String text) {
        List<List<Cell>> lines = new ArrayList<>();
        String[] rows = text.split("\n", -1);
        for (int r = 0; r < rows.length; r++) {
            List<Cell> cells = new ArrayList<>();
            String[] parts = rows[r].split("\t", -1);
            boolean lastRow = r == rows.length - 1;
            for (int i = 0; i < parts.length; i++) {
                boolean tab = i < parts.length - 1;
                // A newline ends a cell even when it is empty; the text after the last newline
                // only becomes a cell if there is some.
                if (tab || !lastRow || !parts[i].isEmpty()) {
                    cells.add(new Cell(parts[i], DisplayText.width(parts[i]), tab));
                }
            }
            lines.add(cells);
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        format(out, lines, new ArrayList<>(), 0, lines.size());
        return out.toString();
    }

    // tabwriter's format(): find blocks of lines that have a cell in the next column, fix that
    // column's width for the block, and recurse for the columns to its right.
    private void format(StringBuilder out, List<List<Cell>> lines, List<Integer> widths, int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(out, lines, widths, line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++) {
                List<Cell> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + padding);
            }
            widths.add(width);
            format(out, lines, widths, line0, current);
            widths.removeLast();
            line0 = current;
        }
        writeLines(out, lines, widths, line0, line1);
    }

    private void writeLines(StringBuilder out, List<List<Cell>> lines, List<Integer> widths, int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell cell = line.get(j);
                out.append(cell.text());
                if (j < widths.size()) {
                    out.append(String.valueOf(padChar).repeat(Math.max(widths.get(j) - cell.width(), 0)));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }
}
