package dev.iplauction.auction.view;

import dev.iplauction.auction.rules.Auction;
import dev.iplauction.auction.rules.LotResult;
import dev.iplauction.auction.rules.Standing;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an auction as people and agents see it: what the REST API returns, what the pages render and what
 * every live update pushes. Money is in lakh, with a display string beside it for pages.
 *
 * @param seq the number of the last event in it: a page ignores a snapshot older than the one it shows
 */
public record AuctionView(
        String code,
        String name,
        String phase,
        String round,
        long seq,
        Instant serverTime,
        Rules rules,
        LotView lot,
        List<FranchiseView> franchises,
        List<ResultView> recent,
        Progress progress,
        String completionReason) {

    private static final int RECENT = 12;

    public record Rules(
            int minSquad,
            int maxSquad,
            int maxOverseas,
            int minBasePrice,
            long bidWindowMillis,
            long acceleratedWindowMillis,
            long rtmWindowMillis) {}

    /** The player on the block and the state of bidding on him. */
    public record LotView(
            int number,
            String stage,
            Player player,
            int basePrice,
            String basePriceDisplay,
            Integer currentBid,
            String currentBidDisplay,
            String highestBidder,
            int nextBid,
            String nextBidDisplay,
            Instant closesAt,
            long remainingMillis,
            String rtmFranchise,
            int bids) {}

    public record FranchiseView(
            String code,
            String name,
            String primaryColour,
            String secondaryColour,
            boolean seatTaken,
            int purse,
            String purseDisplay,
            int maxBid,
            String maxBidDisplay,
            int squadSize,
            int overseasCount,
            int rtmCards,
            int spent,
            Map<String, Integer> roles) {}

    public record ResultView(
            int lot,
            String round,
            String playerId,
            String playerName,
            String role,
            boolean overseas,
            String soldTo,
            Integer price,
            String priceDisplay,
            boolean rightToMatch,
            boolean skipped) {}

    public record Progress(int lotsDone, int lotsRemaining, int sold, int unsold) {}

    public record SquadView(String code, String name, int purse, String purseDisplay, List<SquadEntry> players) {}

    public record SquadEntry(Player player, int price, String priceDisplay, String acquisition) {}

    public static AuctionView of(Auction auction, Instant now) {
        var setup = auction.setup();
        var rules = new Rules(
                setup.squadRules().minSquad(),
                setup.squadRules().maxSquad(),
                setup.squadRules().maxOverseas(),
                setup.squadRules().minBasePrice().value(),
                setup.bidWindowMillis(),
                setup.acceleratedWindowMillis(),
                setup.rtmWindowMillis());
        LotView lot = auction.lot()
                .map(l -> {
                    Lakh next = l.nextBid();
                    return new LotView(
                            l.number(),
                            l.stage().name(),
                            l.player(),
                            l.player().basePrice().value(),
                            l.player().basePrice().display(),
                            l.currentBid() == null ? null : l.currentBid().value(),
                            l.currentBid() == null ? null : l.currentBid().display(),
                            l.highestBidder() == null ? null : l.highestBidder().code(),
                            next.value(),
                            next.display(),
                            l.closesAt(),
                            auction.remaining().toMillis(),
                            l.rtmFranchise() == null ? null : l.rtmFranchise().code(),
                            l.bids());
                })
                .orElse(null);
        List<FranchiseView> franchises =
                auction.franchises().stream().map(f -> franchise(auction, f)).toList();
        List<LotResult> results = auction.results();
        List<ResultView> recent = results.reversed().stream()
                .limit(RECENT)
                .map(AuctionView::result)
                .toList();
        int sold = (int) results.stream().filter(LotResult::sold).count();
        var progress = new Progress(
                results.size(), auction.upcoming().size() + auction.unsold().size(), sold, results.size() - sold);
        return new AuctionView(
                auction.code(),
                setup.name(),
                auction.phase().name(),
                auction.round().name(),
                auction.seq(),
                now,
                rules,
                lot,
                franchises,
                recent,
                progress,
                auction.completionReason().map(Enum::name).orElse(null));
    }

    private static FranchiseView franchise(Auction auction, Franchise f) {
        Standing s = auction.standing(f);
        Lakh max = auction.maxBid(f);
        return new FranchiseView(
                f.code(),
                f.displayName(),
                f.primaryColour(),
                f.secondaryColour(),
                auction.seatTaken(f),
                s.purse().value(),
                s.purse().display(),
                max.value(),
                max.display(),
                s.squadSize(),
                s.overseasCount(),
                s.rtmCards(),
                s.spent().value(),
                roleCounts(s));
    }

    /** How many of each role the squad has, every role present (zero where none), in the enum's order. */
    private static Map<String, Integer> roleCounts(Standing s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            counts.put(role.name(), 0);
        }
        s.squad().forEach(p -> counts.merge(p.player().role().name(), 1, Integer::sum));
        return counts;
    }

    public static ResultView result(LotResult r) {
        return new ResultView(
                r.lot(),
                r.round().name(),
                r.player().id(),
                r.player().name(),
                r.player().role().name(),
                r.player().overseas(),
                r.soldTo() == null ? null : r.soldTo().code(),
                r.price() == null ? null : r.price().value(),
                r.price() == null ? null : r.price().display(),
                r.rightToMatch(),
                r.skipped());
    }

    public static List<SquadView> squads(Auction auction) {
        return auction.franchises().stream()
                .map(f -> {
                    Standing s = auction.standing(f);
                    return new SquadView(
                            f.code(),
                            f.displayName(),
                            s.purse().value(),
                            s.purse().display(),
                            s.squad().stream().map(AuctionView::entry).toList());
                })
                .toList();
    }

    private static SquadEntry entry(SquadPlayer p) {
        return new SquadEntry(
                p.player(),
                p.price().value(),
                p.price().display(),
                p.acquisition().name());
    }
}
