package dev.iplauction.agent.llm;

import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer the model is asked for, {@code {"choice": "BID"|"PASS", "maxBidLakh": integer, "reason": string}}, as
 * read from its reply. Anything that is not that shape is refused: the model's word is only taken when it said all of
 * it.
 */
record LlmAnswer(Choice choice, int maxBidLakh, String reason) {

    static final int LONGEST_REASON = 160;

    /** The schema Ollama constrains its output to (sent as {@code "format"}). */
    static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("LotAdvice")
            .rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("choice", List.of("BID", "PASS"))
                    .addIntegerProperty("maxBidLakh", "the most to pay for the player, in lakh")
                    .addStringProperty("reason", "one short line")
                    .required("choice", "maxBidLakh", "reason")
                    .additionalProperties(false)
                    .build())
            .build();

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Reads a reply; the exception's message says what was wrong with it. */
    static LlmAnswer parse(String reply) throws Unparseable {
        if (reply == null || reply.isBlank()) {
            throw new Unparseable("empty reply");
        }
        JsonNode root;
        try {
            root = JSON.readTree(withoutCodeFence(reply.strip()));
        } catch (JacksonException e) {
            throw new Unparseable("not JSON: " + abbreviate(reply));
        }
        if (root == null || !root.isObject()) {
            throw new Unparseable("not a JSON object: " + abbreviate(reply));
        }
        return new LlmAnswer(choice(root.get("choice")), maxBid(root.get("maxBidLakh")), reason(root.get("reason")));
    }

    private static Choice choice(JsonNode node) throws Unparseable {
        if (node == null || !node.isString()) {
            throw new Unparseable("choice missing or not a string");
        }
        return switch (node.stringValue().strip().toUpperCase(Locale.ROOT)) {
            case "BID" -> Choice.BID;
            case "PASS" -> Choice.PASS;
            default -> throw new Unparseable("choice is neither BID nor PASS: " + abbreviate(node.stringValue()));
        };
    }

    private static int maxBid(JsonNode node) throws Unparseable {
        if (node == null || !node.isNumber()) {
            throw new Unparseable("maxBidLakh missing or not a number");
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() < 0) {
            throw new Unparseable("maxBidLakh is negative: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new Unparseable("maxBidLakh is not a whole number of lakh: " + amount);
        }
        // An absurdly large whole number is still an answer: the clamp brings it down to the franchise's bounds.
        return amount.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValueExact();
    }

    private static String reason(JsonNode node) throws Unparseable {
        if (node == null || !node.isString()) {
            throw new Unparseable("reason missing or not a string");
        }
        String oneLine = node.stringValue().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LONGEST_REASON ? oneLine : oneLine.substring(0, LONGEST_REASON - 1) + "…";
    }

    /** Small models sometimes wrap JSON in a Markdown fence even when asked not to. */
    private static String withoutCodeFence(String reply) {
        if (!reply.startsWith("```")) {
            return reply;
        }
        int firstLineEnd = reply.indexOf('\n');
        int closing = reply.lastIndexOf("```");
        if (firstLineEnd < 0 || closing <= firstLineEnd) {
            return reply;
        }
        return reply.substring(firstLineEnd + 1, closing);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
    }

    /** A reply that is not the asked-for JSON. */
    static final class Unparseable extends Exception {

        Unparseable(String message) {
            super(message, null, false, false);
        }
    }
}
