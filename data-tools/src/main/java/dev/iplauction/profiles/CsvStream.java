package dev.iplauction.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file one record at a time (Apache Commons CSV, RFC 4180), so a quarter of a million deliveries never sit
 * in memory together. A file whose name ends in {@code .gz} is read through gzip. The first record is the header;
 * every later record is handed over with its fields by name.
 */
final class CsvStream {

    /** RFC 4180, lenient where Cricsheet's files are (text after a closing quote, a quote inside a field). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .setLenientEof(false)
            .get();

    private CsvStream() {}

    /** One record, its fields looked up by the header's names. */
    static final class Row {
        private final Path file;
        private final long line;
        private final Map<String, Integer> columns;
        private final CSVRecord fields;

        Row(Path file, long line, Map<String, Integer> columns, CSVRecord fields) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.fields = fields;
        }

        /** The field, or "" when the record is shorter than the header. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new ProfileDataException(file + " has no column " + column);
            }
            return index < fields.size() ? fields.get(index) : "";
        }

        int integer(String column) {
            String value = get(column).strip();
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw problem(column + " should be a whole number, not '" + value + "'");
            }
        }

        boolean flag(String column) {
            return integer(column) != 0;
        }

        ProfileDataException problem(String message) {
            return new ProfileDataException(file.getFileName() + " line " + line + ": " + message);
        }
    }

    /** Hands every record after the header to the consumer, after checking the header has the named columns. */
    static void forEach(Path file, List<String> requiredColumns, Consumer<Row> consumer) {
        if (!Files.isRegularFile(file)) {
            throw new ProfileDataException("no file " + file);
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in =
                        file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder()
                        .setReader(reader)
                        .setFormat(FORMAT)
                        .setBufferSize(1 << 16)
                        .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ProfileDataException(file + " is empty");
            }
            CSVRecord header = records.next();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                columns.put((i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name).strip(), i);
            }
            List<String> missing = requiredColumns.stream()
                    .filter(c -> !columns.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ProfileDataException(file + ": the header has no column " + String.join(", ", missing));
            }
            long line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() > 1 || !record.get(0).isEmpty()) {
                    consumer.accept(new Row(file, line, columns, record));
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports a malformed record (a quoted field that never ends) this way.
            throw new ProfileDataException(
                    file.getFileName() + ": " + e.getCause().getMessage());
        }
    }
}
