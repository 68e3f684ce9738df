package dev.iplauction.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Money in whole lakh (1 lakh = ₹100,000; 1 crore = 100 lakh). Never floating point: every amount in an auction is a
 * whole number of lakh, and on the wire it is that plain number.
 */
public record Lakh(int value) implements Comparable<Lakh> {

    public static final Lakh ZERO = new Lakh(0);

    public Lakh {
        if (value < 0) {
            throw new IllegalArgumentException("an amount of money cannot be negative, got " + value + " lakh");
        }
    }

    @JsonCreator
    public static Lakh of(int value) {
        return new Lakh(value);
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    public Lakh plus(Lakh other) {
        return new Lakh(Math.addExact(value, other.value));
    }

    public Lakh minus(Lakh other) {
        return new Lakh(Math.subtractExact(value, other.value));
    }

    /** This amount less the other, or zero where the other is larger. */
    public Lakh minusOrZero(Lakh other) {
        return new Lakh(Math.max(0, value - other.value));
    }

    public Lakh times(int factor) {
        return new Lakh(Math.multiplyExact(value, factor));
    }

    public boolean isMoreThan(Lakh other) {
        return value > other.value;
    }

    public boolean isLessThan(Lakh other) {
        return value < other.value;
    }

    public static Lakh max(Lakh a, Lakh b) {
        return a.value >= b.value ? a : b;
    }

    public static Lakh min(Lakh a, Lakh b) {
        return a.value <= b.value ? a : b;
    }

    @Override
    public int compareTo(Lakh other) {
        return Integer.compare(value, other.value);
    }

    /** How an Indian auction shows money: "₹75 L" below a crore, "₹2.75 Cr" from a crore. */
    public String display() {
        if (value < 100) {
            return "₹" + value + " L";
        }
        String crore = String.valueOf(value / 100);
        int rest = value % 100;
        if (rest == 0) {
            return "₹" + crore + " Cr";
        }
        String fraction = rest % 10 == 0 ? String.valueOf(rest / 10) : String.format("%02d", rest);
        return "₹" + crore + "." + fraction + " Cr";
    }

    @Override
    public String toString() {
        return display();
    }
}
