package dev.iplauction.auction.web;

import dev.iplauction.contracts.Franchise;
import java.util.Arrays;
import java.util.List;

/**
 * How a franchise looks on the pages: its colours, and the ink (near-black or white) that reads best on its primary
 * colour. The layout turns these into one CSS class per franchise ({@code fr-CSK} …), so pages and scripts only name
 * the class.
 */
record FranchiseStyle(
        String code, String name, String primary, String secondary, String ink, String homeGround, String city) {

    private static final String DARK_INK = "#10131a";
    private static final String LIGHT_INK = "#ffffff";

    static final List<FranchiseStyle> ALL =
            Arrays.stream(Franchise.values()).map(FranchiseStyle::of).toList();

    static FranchiseStyle of(Franchise f) {
        return new FranchiseStyle(
                f.code(),
                f.displayName(),
                f.primaryColour(),
                f.secondaryColour(),
                inkOn(readableBackground(f.primaryColour())),
                f.homeGround(),
                f.city());
    }

    /** The ink with the higher WCAG contrast ratio against the background colour ({@code #RRGGBB}). */
    static String inkOn(String background) {
        double bg = luminance(background);
        double againstDark = (bg + 0.05) / (luminance(DARK_INK) + 0.05);
        double againstLight = (luminance(LIGHT_INK) + 0.05) / (bg + 0.05);
        return againstDark >= againstLight ? DARK_INK : LIGHT_INK;
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff)
                + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The CSS rule for this franchise's class: its colours as custom properties. */
    String css() {
        return ".fr-" + code + "{--fc:" + primary + ";--fc2:" + secondary + ";--fc-ink:" + ink + ";--fc-bg:"
                + readableBackground(primary) + "}";
    }

    /** WCAG AA for normal text, with a little room for rounding in the checkers. */
    static final double READABLE = 4.6;

    /**
     * The colour for text-bearing badges: the primary itself when one of the inks reads on it at {@value #READABLE}:1,
     * else the primary darkened step by step until the inks' choice does (a red or a pink reads with neither ink).
     */
    static String readableBackground(String background) {
        int rgb = Integer.parseInt(background.substring(1), 16);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        String hex = background;
        for (int step = 0; step < 40 && contrast(hex, inkOn(hex)) < READABLE; step++) {
            r = (int) (r * 0.95);
            g = (int) (g * 0.95);
            b = (int) (b * 0.95);
            hex = String.format("#%02X%02X%02X", r, g, b);
        }
        return hex;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
