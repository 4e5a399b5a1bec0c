package org.chainline.input;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file the service writes (RFC 4180), every text cell made harmless to a spreadsheet: a cell that begins with
 * {@code = + - @}, a tab or a carriage return (or their full-width forms) would be read as a formula, so it is
 * prefixed with an apostrophe, as OWASP advises. A name like {@code =HYPERLINK("http://…"&A1,"click")} in a record
 * then opens as the text it is. The one place that writes CSV (an architecture test keeps it so).
 */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /** A row; numbers print as they are, every other value as neutral text ({@code null} as an empty cell). */
    public CsvTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " cells under a header of " + header.size());
        }
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? "" : value instanceof Number n ? n.toString() : neutral(value.toString()));
        }
        rows.add(cells);
        return this;
    }

    /** The text a spreadsheet shows as text: a leading formula character is escaped with an apostrophe. */
    public static String neutral(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + cell;
            default -> cell;
        };
    }

    @Override
    public String toString() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
