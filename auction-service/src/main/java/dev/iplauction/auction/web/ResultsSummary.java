package dev.iplauction.auction.web;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.auction.view.AuctionView.ResultView;
import dev.iplauction.auction.view.AuctionView.SquadEntry;
import dev.iplauction.auction.view.AuctionView.SquadView;
import dev.iplauction.contracts.Lakh;
import java.util.Comparator;
import java.util.List;

/**
 * The results page: each franchise's haul (squad, spend at the auction, purse left, its dearest buys) and the auction's
 * headlines (the most expensive players, how many went unsold). Works mid-auction as "so far".
 */
record ResultsSummary(
        boolean complete,
        List<FranchiseResult> franchises,
        List<ResultView> topBuys,
        int sold,
        int unsold,
        int lotsRemaining,
        String totalSpendDisplay) {

    private static final int TOP_BUYS = 10;
    private static final int DEAREST_PER_FRANCHISE = 3;

    /** One franchise's auction: spend excludes retentions (paid before the auction). */
    record FranchiseResult(
            String code,
            String name,
            int squadSize,
            int overseasCount,
            int spend,
            String spendDisplay,
            int purse,
            String purseDisplay,
            List<SquadEntry> dearest,
            List<SquadEntry> players) {}

    static ResultsSummary of(AuctionView view, List<SquadView> squads, List<ResultView> results) {
        List<FranchiseResult> franchises = squads.stream()
                .map(ResultsSummary::franchise)
                .sorted(Comparator.comparingInt(FranchiseResult::spend).reversed())
                .toList();
        List<ResultView> top = results.stream()
                .filter(r -> r.soldTo() != null && r.price() != null)
                .sorted(Comparator.comparingInt(ResultView::price).reversed().thenComparingInt(ResultView::lot))
                .limit(TOP_BUYS)
                .toList();
        int sold = (int) results.stream().filter(r -> r.soldTo() != null).count();
        int total = franchises.stream().mapToInt(FranchiseResult::spend).sum();
        return new ResultsSummary(
                "COMPLETED".equals(view.phase()),
                franchises,
                top,
                sold,
                results.size() - sold,
                view.progress().lotsRemaining(),
                Lakh.of(total).display());
    }

    private static FranchiseResult franchise(SquadView squad) {
        List<SquadEntry> bought = squad.players().stream()
                .filter(p -> !"RETAINED".equals(p.acquisition()))
                .toList();
        int spend = bought.stream().mapToInt(SquadEntry::price).sum();
        List<SquadEntry> dearest = bought.stream()
                .sorted(Comparator.comparingInt(SquadEntry::price).reversed())
                .limit(DEAREST_PER_FRANCHISE)
                .toList();
        List<SquadEntry> players = squad.players().stream()
                .sorted(Comparator.comparingInt(SquadEntry::price).reversed())
                .toList();
        int overseas = (int)
                squad.players().stream().filter(p -> p.player().overseas()).count();
        return new FranchiseResult(
                squad.code(),
                squad.name(),
                squad.players().size(),
                overseas,
                spend,
                Lakh.of(spend).display(),
                squad.purse(),
                squad.purseDisplay(),
                dearest,
                players);
    }
}
