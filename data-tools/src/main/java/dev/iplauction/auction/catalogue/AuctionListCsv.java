package dev.iplauction.auction.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The auction list read as RFC 4180 by Apache Commons CSV: fields separated by commas, records by CRLF (a lone LF or CR
 * is accepted too), a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""}). Blank lines
 * are skipped. Strict where the list is hand-edited: text after a closing quote, a quote inside an unquoted field or
 * a quoted field left open are refused. Every record knows the line of the file it starts on, so an error can name it.
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

        MalformedCsvException(long line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final Pattern AFTER_QUOTE =
            Pattern.compile("between encapsulated token and delimiter at line: ([\\d,]+), position: ([\\d,]+)");
    private static final Pattern OPEN_QUOTE = Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached");

    private AuctionListCsv() {}

    /** Every non-blank record of the file, the header first. A byte order mark at the start is dropped. */
    static List<Row> read(Reader in) throws IOException {
        // The list is small (hundreds of rows): kept whole, so an error can name the character and the record's text.
        StringWriter whole = new StringWriter();
        in.transferTo(whole);
        String text = whole.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<CSVRecord> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                records.add(record);
                lines.add(line);
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause(), text);
        }
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            long line = lines.get(i);
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
            String raw = text.substring((int) record.getCharacterPosition(), end);
            List<String> fields = new ArrayList<>(record.size());
            for (String field : record) {
                // Commons CSV takes a quote inside an unquoted field as text; a field with a quote must have been
                // quoted whole, its quotes doubled.
                if (field.indexOf('"') >= 0 && !raw.contains('"' + field.replace("\"", "\"\"") + '"')) {
                    throw new MalformedCsvException(
                            line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                }
                // A line break inside a quoted field reads as \n, whatever the file's line ends.
                fields.add(field.replace("\r\n", "\n").replace('\r', '\n'));
            }
            rows.add(new Row((int) line, fields));
        }
        return rows;
    }

    private static MalformedCsvException malformed(IOException problem, String text) {
        String message = String.valueOf(problem.getMessage());
        Matcher afterQuote = AFTER_QUOTE.matcher(message);
        if (afterQuote.find()) {
            long line = Long.parseLong(afterQuote.group(1).replace(",", ""));
            int position = Integer.parseInt(afterQuote.group(2).replace(",", ""));
            String what = position >= 1 && position <= text.length() ? "'" + text.charAt(position - 1) + "'" : "text";
            return new MalformedCsvException(line, "unexpected " + what + " after the closing quote of a quoted field");
        }
        Matcher open = OPEN_QUOTE.matcher(message);
        if (open.find()) {
            return new MalformedCsvException(
                    Long.parseLong(open.group(1).replace(",", "")),
                    "a quoted field is not closed before the end of the file");
        }
        return new MalformedCsvException(0, message);
    }
}
