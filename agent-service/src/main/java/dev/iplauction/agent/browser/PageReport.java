package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Franchise;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What a document said about itself once loaded (the init script's "page" report). */
record PageReport(
        String doc,
        String page,
        String url,
        int status,
        String message,
        Franchise franchise,
        String phase,
        Set<Franchise> seatsTaken) {

    boolean isProblem() {
        return "problem".equals(page) || status >= 400;
    }

    static PageReport parse(JsonNode report) {
        Set<Franchise> taken = EnumSet.noneOf(Franchise.class);
        for (JsonNode code : report.path("seatsTaken")) {
            Franchise.fromCode(code.asString("")).ifPresent(taken::add);
        }
        return new PageReport(
                report.path("doc").asString(""),
                report.path("page").asString(""),
                report.path("url").asString(""),
                report.path("status").asInt(0),
                report.path("message").asString(""),
                Franchise.fromCode(report.path("franchise").asString("")).orElse(null),
                report.path("phase").asString(""),
                taken);
    }
}
