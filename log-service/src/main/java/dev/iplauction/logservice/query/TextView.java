package dev.iplauction.logservice.query;

import dev.iplauction.logservice.store.StoredLine;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readable view of a record, one line (a stack trace follows, indented):
 * {@code 2024-11-24T10:15:30.250Z INFO  [GT] ABCD23 bid.accepted BiddingService - GT bid ₹2 Cr {lot=1}}.
 */
final class TextView {

    private TextView() {}

    static String format(StoredLine line) {
        StringBuilder text = new StringBuilder(160);
        text.append(line.at()).append(' ');
        text.append(String.format("%-5s", line.level()))
                .append(" [")
                .append(line.source())
                .append(']');
        if (line.auctionCode() != null) {
            text.append(' ').append(line.auctionCode());
        }
        if (line.event() != null) {
            text.append(' ').append(line.event());
        }
        if (line.logger() != null) {
            text.append(' ').append(shortLogger(line.logger()));
        }
        text.append(" - ").append(line.message() == null ? "" : oneLine(line.message()));
        Map<String, String> fields = line.fieldsOrEmpty();
        String shown = fields.entrySet().stream()
                .filter(e -> !e.getKey().equals("exception"))
                .map(e -> e.getKey() + "=" + oneLine(e.getValue()))
                .collect(Collectors.joining(", "));
        if (!shown.isEmpty()) {
            text.append(" {").append(shown).append('}');
        }
        String exception = fields.get("exception");
        if (exception != null) {
            exception.lines().forEach(l -> text.append("\n    ").append(l));
        }
        return text.toString();
    }

    private static String shortLogger(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "null" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
