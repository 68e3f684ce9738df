package dev.iplauction.auction.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF (a lone LF or CR is accepted too), a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""}). Blank lines are skipped. Every record
 * knows the line of the file it starts on, so an error can name it.
 */
final class AuctionListCsv {

    /** One record of the file and the (1-based) line it starts on. */
    record Row(int line, List<String> fields) {

        Row {
            fields = List.copyOf(fields);
        }
    }

    /** The file is not well-formed CSV. */
    static final class MalformedCsvException extends RuntimeException {

        MalformedCsvException(int line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private static final int EOF = -1;
    private static final int NONE = Integer.MIN_VALUE;

    private final Reader in;
    private int line = 1;
    private int pushedBack = NONE;
    private int rawPending = NONE;

    private AuctionListCsv(Reader in) {
        this.in = in;
    }

    /** Every non-blank record of the file, the header first. A byte order mark at the start is dropped. */
    static List<Row> read(Reader in) throws IOException {
        return new AuctionListCsv(in).rows();
    }

    private List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        int first = next();
        if (first != '\uFEFF') {
            pushBack(first);
        }
        while (true) {
            int start = line;
            List<String> fields = new ArrayList<>();
            int end = readRecord(fields);
            boolean blank = fields.size() == 1 && fields.getFirst().isEmpty();
            if (!blank) {
                rows.add(new Row(start, fields));
            }
            if (end == EOF) {
                return rows;
            }
        }
    }

    /** Reads one record into fields; returns what ended it: '\n' for a line break, or EOF. */
    private int readRecord(List<String> fields) throws IOException {
        int recordLine = line;
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = next();
            if (c == '"' && field.isEmpty()) {
                readQuoted(field, recordLine);
                c = next();
                if (c != ',' && c != '\n' && c != EOF) {
                    throw new MalformedCsvException(
                            recordLine, "unexpected '" + (char) c + "' after the closing quote of a quoted field");
                }
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                case '\n', EOF -> {
                    fields.add(field.toString());
                    return c;
                }
                case '"' ->
                    throw new MalformedCsvException(
                            recordLine,
                            "a quote inside an unquoted field (quote the whole field and double the quote)");
                default -> field.append((char) c);
            }
        }
    }

    private void readQuoted(StringBuilder field, int recordLine) throws IOException {
        while (true) {
            int c = next();
            if (c == EOF) {
                throw new MalformedCsvException(recordLine, "a quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                int after = next();
                if (after == '"') {
                    field.append('"');
                    continue;
                }
                pushBack(after);
                return;
            }
            field.append((char) c);
        }
    }

    /** The next character, with CRLF and a lone CR both read as '\n'. */
    private int next() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        int c = readRaw();
        if (c == '\r') {
            int after = readRaw();
            if (after != '\n') {
                rawPending = after;
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int readRaw() throws IOException {
        if (rawPending != NONE) {
            int c = rawPending;
            rawPending = NONE;
            return c;
        }
        return in.read();
    }

    private void pushBack(int c) {
        pushedBack = c;
    }
}
