package dev.iplauction.contracts;

import java.util.List;

/**
 * The bid ladder of an auction: from each step's {@code from} amount on, a bid goes up by its {@code step}. The house
 * enforces it and the agents read the amounts it gives; the IPL's is {@link #IPL}.
 *
 * @param steps ordered by {@code from}, strictly rising, the first from 0 lakh; each step at least 1 lakh
 */
public record Increments(List<Step> steps) {

    /** The most steps a ladder may have: far more than any real auction needs, few enough to print in a message. */
    public static final int MAX_STEPS = 20;

    /** +5 L below ₹1 Cr, +10 L from ₹1 Cr, +20 L from ₹2 Cr, +25 L from ₹5 Cr. */
    public static final Increments IPL = new Increments(List.of(
            new Step(Lakh.ZERO, Lakh.of(5)),
            new Step(Lakh.of(100), Lakh.of(10)),
            new Step(Lakh.of(200), Lakh.of(20)),
            new Step(Lakh.of(500), Lakh.of(25))));

    public record Step(Lakh from, Lakh step) {}

    public Increments {
        if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException(
                    "a ladder has 1 to " + MAX_STEPS + " steps, got " + (steps == null ? "none" : steps.size()));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s == null || s.from() == null || s.step() == null) {
                throw new IllegalArgumentException("step " + i + " needs both from and step");
            }
            if (i == 0 && s.from().value() != 0) {
                throw new IllegalArgumentException(
                        "the first step must be from 0 lakh, so every amount has a step; it is from "
                                + s.from().value());
            }
            if (i > 0 && !steps.get(i - 1).from().isLessThan(s.from())) {
                throw new IllegalArgumentException(
                        "steps must rise: step " + i + " is from " + s.from().value() + " lakh, after a step from "
                                + steps.get(i - 1).from().value());
            }
            if (s.step().value() < 1) {
                throw new IllegalArgumentException(
                        "step " + i + " goes up by " + s.step().value() + " lakh; it must go up by at least 1");
            }
        }
        steps = List.copyOf(steps);
    }

    /** The step from the current bid to the next: that of the last step whose {@code from} it has reached. */
    public Lakh increment(Lakh current) {
        Lakh step = steps.getFirst().step();
        for (Step s : steps) {
            if (current.isLessThan(s.from())) {
                break;
            }
            step = s.step();
        }
        return step;
    }

    /** The only amount a bid may name: the base price when nobody has bid yet, else the current bid plus its step. */
    public Lakh nextBid(Lakh basePrice, Lakh currentBidOrNull) {
        return currentBidOrNull == null ? basePrice : currentBidOrNull.plus(increment(currentBidOrNull));
    }

    /** The ladder as people read it: "+5 L from 0 L, +10 L from 100 L, …". */
    @Override
    public String toString() {
        return String.join(
                ", ",
                steps.stream()
                        .map(s -> "+" + s.step().value() + " L from " + s.from().value() + " L")
                        .toList());
    }
}
