package dev.iplauction.agent.browser;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the page's {@code window.__auction} (the auction house's {@code AuctionView} JSON) into a {@link RoomView}.
 * Lenient where the contract allows it to grow: unknown fields are ignored and unknown phases, rounds and stages read as
 * {@code UNKNOWN}.
 */
final class RoomViewJson {

    private RoomViewJson() {}

    static RoomView parse(String json, Instant receivedAt) {
        return parse(EventJson.mapper().readTree(json), receivedAt);
    }

    static RoomView parse(JsonNode view, Instant receivedAt) {
        if (view == null || !view.isObject()) {
            throw new IllegalArgumentException("an auction view is a JSON object, got " + view);
        }
        return new RoomView(
                required(view, "code").asString(),
                enumOf(RoomView.Phase.class, view.path("phase").asString("")),
                enumOf(RoomView.Round.class, view.path("round").asString("")),
                required(view, "seq").asLong(),
                instant(view.path("serverTime")),
                receivedAt,
                rules(view.path("rules")),
                lot(view.path("lot")),
                franchises(view.path("franchises")),
                recent(view.path("recent")),
                progress(view.path("progress")));
    }

    private static RoomView.Rules rules(JsonNode rules) {
        return new RoomView.Rules(
                new SquadRules(
                        rules.path("minSquad").asInt(),
                        rules.path("maxSquad").asInt(),
                        rules.path("maxOverseas").asInt(),
                        Lakh.of(rules.path("minBasePrice").asInt())),
                Duration.ofMillis(rules.path("bidWindowMillis").asLong()),
                Duration.ofMillis(rules.path("acceleratedWindowMillis").asLong()),
                Duration.ofMillis(rules.path("rtmWindowMillis").asLong()));
    }

    private static RoomView.Lot lot(JsonNode lot) {
        if (lot.isMissingNode() || lot.isNull()) {
            return null;
        }
        return new RoomView.Lot(
                required(lot, "number").asInt(),
                enumOf(RoomView.Stage.class, lot.path("stage").asString("")),
                EventJson.mapper().treeToValue(required(lot, "player"), Player.class),
                Lakh.of(lot.path("basePrice").asInt()),
                lakhOrNull(lot.path("currentBid")),
                franchiseOrNull(lot.path("highestBidder")),
                Lakh.of(lot.path("nextBid").asInt()),
                instant(lot.path("closesAt")),
                Duration.ofMillis(Math.max(0, lot.path("remainingMillis").asLong(0))),
                franchiseOrNull(lot.path("rtmFranchise")),
                lot.path("bids").asInt(0));
    }

    private static List<RoomView.FranchiseState> franchises(JsonNode franchises) {
        List<RoomView.FranchiseState> states = new ArrayList<>();
        for (JsonNode f : franchises) {
            Franchise franchise = franchiseOrNull(f.path("code"));
            if (franchise == null) {
                continue; // a franchise this agent does not know cannot be bid against knowingly
            }
            Map<Role, Integer> roles = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                roles.put(role, f.path("roles").path(role.name()).asInt(0));
            }
            states.add(new RoomView.FranchiseState(
                    franchise,
                    f.path("seatTaken").asBoolean(false),
                    Lakh.of(f.path("purse").asInt()),
                    Lakh.of(Math.max(0, f.path("maxBid").asInt())),
                    f.path("squadSize").asInt(),
                    f.path("overseasCount").asInt(),
                    f.path("rtmCards").asInt(),
                    Lakh.of(f.path("spent").asInt(0)),
                    roles));
        }
        return states;
    }

    private static List<RoomView.LotResult> recent(JsonNode recent) {
        List<RoomView.LotResult> results = new ArrayList<>();
        for (JsonNode r : recent) {
            results.add(new RoomView.LotResult(
                    r.path("lot").asInt(),
                    enumOf(RoomView.Round.class, r.path("round").asString("")),
                    r.path("playerId").asString(""),
                    r.path("playerName").asString(""),
                    franchiseOrNull(r.path("soldTo")),
                    lakhOrNull(r.path("price")),
                    r.path("rightToMatch").asBoolean(false),
                    r.path("skipped").asBoolean(false)));
        }
        return results;
    }

    private static RoomView.Progress progress(JsonNode progress) {
        return new RoomView.Progress(
                progress.path("lotsDone").asInt(0),
                progress.path("lotsRemaining").asInt(0),
                progress.path("sold").asInt(0),
                progress.path("unsold").asInt(0));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("the auction view has no '" + field + "'");
        }
        return value;
    }

    private static Lakh lakhOrNull(JsonNode node) {
        return node.isNumber() ? Lakh.of(node.asInt()) : null;
    }

    private static Franchise franchiseOrNull(JsonNode node) {
        return node.isString() ? Franchise.fromCode(node.asString()).orElse(null) : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return Enum.valueOf(type, "UNKNOWN");
        }
    }
}
