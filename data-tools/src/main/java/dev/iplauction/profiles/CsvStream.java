package dev.iplauction.profiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file one record at a time, so a quarter of a million deliveries never sit in memory together. RFC 4180:
 * a field in double quotes may hold commas, doubled quotes and line breaks. A file whose name ends in {@code .gz} is
 * read through gzip. The first record is the header; every later record is handed over with its fields by name.
 */
final class CsvStream {

    private CsvStream() {}

    /** One record, its fields looked up by the header's names. */
    static final class Row {
        private final Path file;
        private final int line;
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(Path file, int line, Map<String, Integer> columns, List<String> fields) {
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
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            LineCounter counter = new LineCounter(reader);
            List<String> header = counter.record();
            if (header == null) {
                throw new ProfileDataException(file + " is empty");
            }
            if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
                header.set(0, header.getFirst().substring(1));
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip(), i);
            }
            List<String> missing = requiredColumns.stream()
                    .filter(c -> !columns.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ProfileDataException(file + ": the header has no column " + String.join(", ", missing));
            }
            while (true) {
                int line = counter.line;
                List<String> fields = counter.record();
                if (fields == null) {
                    return;
                }
                if (fields.size() == 1 && fields.getFirst().isEmpty()) {
                    continue;
                }
                consumer.accept(new Row(file, line, columns, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Splits lines into records, joining the lines of a quoted field that spans several. */
    private static final class LineCounter {
        private final BufferedReader reader;
        private int line = 1;

        LineCounter(BufferedReader reader) {
            this.reader = reader;
        }

        List<String> record() throws IOException {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            int start = line;
            line++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        fields.add(field.toString());
                        return fields;
                    }
                    String more = reader.readLine();
                    if (more == null) {
                        throw new ProfileDataException("line " + start + ": a quoted field never ends");
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
        }
    }
}
