package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.Franchise;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BidStateTests {

    private final AuctionView running = PageFixtures.running(Set.of(Franchise.CSK, Franchise.MI));

    @Test
    void aSeatedFranchiseThatIsNotLeadingMayBidTheNextAmount() {
        BidState state = BidState.of(running, "CSK");

        assertThat(state.enabled()).isTrue();
        assertThat(state.reason()).isEmpty();
        assertThat(state.lot()).isEqualTo(2);
        assertThat(state.amount()).isEqualTo(220);
        assertThat(state.amountDisplay()).isEqualTo("₹2.2 Cr");
    }

    @Test
    void saysWhyNot() {
        assertThat(BidState.of(running, null).reason()).isEqualTo("not-seated");
        assertThat(BidState.of(running, "MI").reason()).isEqualTo("highest-bidder");
        assertThat(BidState.of(PageFixtures.lobby(Set.of(Franchise.CSK)), "CSK").reason())
                .isEqualTo("not-running");
    }

    @Test
    void aFranchiseWithItsOverseasSlotsFullMayNotBidForAnOverseasPlayer() {
        var full = running.franchises().stream()
                .map(f -> f.code().equals("CSK")
                        ? new AuctionView.FranchiseView(
                                f.code(),
                                f.name(),
                                f.primaryColour(),
                                f.secondaryColour(),
                                true,
                                f.purse(),
                                f.purseDisplay(),
                                f.maxBid(),
                                f.maxBidDisplay(),
                                3,
                                3,
                                f.rtmCards(),
                                f.spent(),
                                f.roles())
                        : f)
                .toList();
        var view = new AuctionView(
                running.code(),
                running.name(),
                running.phase(),
                running.round(),
                running.seq(),
                running.serverTime(),
                running.rules(),
                running.lot(),
                full,
                running.recent(),
                running.progress(),
                null);

        BidState state = BidState.of(view, "CSK");

        assertThat(state.enabled()).isFalse();
        assertThat(state.reason()).isEqualTo("overseas-limit");
    }

    @Test
    void inkIsChosenForContrastOnTheFranchiseColour() {
        assertThat(FranchiseStyle.inkOn(Franchise.CSK.primaryColour())).isEqualTo("#10131a");
        assertThat(FranchiseStyle.inkOn(Franchise.MI.primaryColour())).isEqualTo("#ffffff");
        assertThat(FranchiseStyle.of(Franchise.RR).css()).startsWith(".fr-RR{--fc:#EA1A85;");
        // Badges carry text: every franchise's badge reads at WCAG AA, darkened where its own colour cannot.
        for (Franchise f : Franchise.values()) {
            String bg = FranchiseStyle.readableBackground(f.primaryColour());
            assertThat(FranchiseStyle.contrast(bg, FranchiseStyle.inkOn(bg)))
                    .as("%s's badge", f)
                    .isGreaterThanOrEqualTo(FranchiseStyle.READABLE);
        }
        assertThat(FranchiseStyle.readableBackground(Franchise.MI.primaryColour()))
                .isEqualTo(Franchise.MI.primaryColour());
    }
}
