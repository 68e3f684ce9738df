package dev.iplauction.auction.api;

import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.HostAction;
import dev.iplauction.auction.house.RtmAction;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auction house over HTTP: the same operations the pages offer. Seat and host tokens travel as {@code
 * Authorization: Bearer <token>}; every refusal is an RFC 9457 problem with a {@code reason} code.
 */
@RestController
@RequestMapping("/api/auctions")
@Tag(name = "auctions", description = "Create and play IPL-style auctions")
class AuctionApi {

    private final AuctionHouse house;

    AuctionApi(AuctionHouse house) {
        this.house = house;
    }

    // Every field has a bound: what the house keeps in memory and writes to Kafka is never larger than these allow.
    static final int MAX_PURSE_LAKH = 1_000_000; // ₹10,000 crore, far above any real purse
    static final int MAX_LOT = 10_000;
    static final int MAX_ID = 40; // a catalogue, player or franchise id, an RTM action

    record CreateRequest(
            @Size(max = MAX_ID) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "must be letters, digits, '-' or '_'")
            String catalogue,

            @Size(max = CreateAuction.MAX_NAME_LENGTH)
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String name,

            Boolean retentions,
            @Positive @Max(MAX_PURSE_LAKH) Integer purseLakh,
            @Min(0) @Max(6) Integer rtmCards,
            @Size(max = CreateAuction.MAX_PLAYER_IDS) List<@NotBlank @Size(max = MAX_ID) String> playerIds,
            @Valid SquadRulesRequest squadRules,
            @Min(100) @Max(300_000) Long bidWindowMillis,
            @Min(100) @Max(300_000) Long acceleratedWindowMillis,
            @Min(100) @Max(300_000) Long rtmWindowMillis,
            Long seed) {}

    record SquadRulesRequest(
            @NotNull @Min(0) @Max(100) Integer minSquad,
            @NotNull @Min(1) @Max(100) Integer maxSquad,
            @NotNull @Min(0) @Max(100) Integer maxOverseas,
            @NotNull @Min(1) @Max(MAX_PURSE_LAKH) Integer minBasePrice) {}

    record Created(String code, String hostToken, URI room, URI state) {}

    record SeatRequest(@NotBlank @Size(max = MAX_ID) String franchise) {}

    record Seat(String franchise, String seatToken) {}

    record BidRequest(
            @NotBlank @Size(max = MAX_ID) String franchise,
            @NotNull @Min(1) @Max(MAX_LOT) Integer lot,
            @NotNull @Positive @Max(MAX_PURSE_LAKH) Integer amount) {}

    record Bid(int lot, int amount, String amountDisplay, Instant closesAt, long seq) {}

    record RtmRequest(
            @NotBlank @Size(max = MAX_ID) String franchise,
            @NotBlank @Size(max = MAX_ID) String action,
            @Positive @Max(MAX_PURSE_LAKH) Integer amount) {}

    @Operation(summary = "Create an auction", description = "Returns its code and the host's token; keep the token.")
    @PostMapping
    ResponseEntity<Created> create(
            @Valid @RequestBody(required = false) CreateRequest request, HttpServletRequest http) {
        CreateRequest r = request == null
                ? new CreateRequest(null, null, null, null, null, null, null, null, null, null, null)
                : request;
        SquadRules rules = r.squadRules() == null
                ? null
                : new SquadRules(
                        r.squadRules().minSquad(),
                        r.squadRules().maxSquad(),
                        r.squadRules().maxOverseas(),
                        Lakh.of(r.squadRules().minBasePrice()));
        AuctionHouse.Created created = house.create(
                new CreateAuction(
                        r.catalogue(),
                        r.name(),
                        r.retentions(),
                        r.purseLakh(),
                        r.rtmCards(),
                        r.playerIds(),
                        rules,
                        r.bidWindowMillis(),
                        r.acceleratedWindowMillis(),
                        r.rtmWindowMillis(),
                        r.seed()),
                http.getRemoteAddr());
        URI state = URI.create("/api/auctions/" + created.code());
        return ResponseEntity.created(state)
                .body(new Created(
                        created.code(), created.hostToken(), URI.create("/auctions/" + created.code()), state));
    }

    @Operation(summary = "Every auction in the house, with its state")
    @GetMapping
    List<AuctionView> list() {
        return house.list();
    }

    @Operation(summary = "An auction's state: the lot on the block, the clock, every franchise's purse and squad size")
    @GetMapping("/{code}")
    AuctionView state(@PathVariable String code) {
        return house.view(code(code));
    }

    @Operation(
            summary = "Take a franchise's seat",
            description = "Without a token a new seat token is made. With the token that already holds the seat"
                    + " (Authorization: Bearer), the seat is taken again after a reconnect or a restart.")
    @PostMapping("/{code}/seats")
    @ResponseStatus(HttpStatus.OK)
    Seat claimSeat(
            @PathVariable String code,
            @Valid @RequestBody SeatRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Franchise franchise = franchise(request.franchise());
        String token =
                house.claimSeat(code(code), franchise, bearer(authorization).orElse(null));
        return new Seat(franchise.code(), token);
    }

    @Operation(summary = "Give up a seat (the seat's token is needed)")
    @DeleteMapping("/{code}/seats/{franchise}")
    ResponseEntity<Void> releaseSeat(
            @PathVariable String code,
            @PathVariable String franchise,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String normalised = code(code);
        String token = requireToken(authorization, "a seat token");
        Franchise f = franchise(franchise);
        if (house.seatOf(normalised, token).filter(f::equals).isEmpty()) {
            throw new dev.iplauction.auction.rules.AuctionRefusal(
                    dev.iplauction.contracts.RefusalReason.NOT_YOUR_SEAT, "this token does not hold " + f + "'s seat");
        }
        house.releaseSeat(normalised, token);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Bid for the lot on the block",
            description = "The amount must be exactly the next valid bid (the base price, then the current bid plus"
                    + " its increment); anything else is refused as stale, so a double click never pays twice.")
    @PostMapping("/{code}/bids")
    Bid bid(
            @PathVariable String code,
            @Valid @RequestBody BidRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String token = requireToken(authorization, "a seat token");
        var receipt =
                house.bid(code(code), token, franchise(request.franchise()), request.lot(), Lakh.of(request.amount()));
        return new Bid(
                receipt.lot(), receipt.amount().value(), receipt.amount().display(), receipt.closesAt(), receipt.seq());
    }

    @Operation(
            summary = "Take a right-to-match step",
            description = "MATCH or DECLINE (the card holder), RAISE with an amount or NO_RAISE (the highest bidder,"
                    + " after a match).")
    @PostMapping("/{code}/rtm")
    ResponseEntity<Void> rtm(
            @PathVariable String code,
            @Valid @RequestBody RtmRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String token = requireToken(authorization, "a seat token");
        RtmAction action = parse(RtmAction.class, request.action(), "action");
        house.rtm(
                code(code),
                token,
                franchise(request.franchise()),
                action,
                request.amount() == null ? null : Lakh.of(request.amount()));
        return ResponseEntity.noContent().build();
    }

    record InvitationRequest(@NotBlank String franchise) {}

    record Invitation(String franchise, String seatToken, String link) {}

    @Operation(
            summary = "The host holds a seat for a person (the host token is needed)",
            description = "The seat is taken with a new token, the invitation: give the person the link (or the"
                    + " franchise and token for the rejoin form). Nobody else can take the seat meanwhile.")
    @PostMapping("/{code}/host/invitations")
    Invitation invite(
            @PathVariable String code,
            @Valid @RequestBody InvitationRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String normalised = code(code);
        Franchise franchise = franchise(request.franchise());
        String token = house.invite(normalised, requireToken(authorization, "the host token"), franchise);
        return new Invitation(
                franchise.code(),
                token,
                dev.iplauction.auction.house.Tokens.invitationLink(normalised, franchise, token));
    }

    @Operation(summary = "The host frees a franchise's seat, whoever holds it (the host token is needed)")
    @DeleteMapping("/{code}/host/seats/{franchise}")
    ResponseEntity<Void> freeSeat(
            @PathVariable String code,
            @PathVariable String franchise,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        house.freeSeat(code(code), requireToken(authorization, "the host token"), franchise(franchise));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The host starts, pauses, resumes, skips a lot or ends the auction (the host token is needed)")
    @PostMapping("/{code}/host/{action}")
    ResponseEntity<Void> host(
            @PathVariable String code,
            @PathVariable String action,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String token = requireToken(authorization, "the host token");
        house.host(code(code), token, parse(HostAction.class, action, "host action"));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Every franchise's squad, with what each player cost")
    @GetMapping("/{code}/squads")
    List<AuctionView.SquadView> squads(@PathVariable String code) {
        return house.squads(code(code));
    }

    @Operation(summary = "Every lot done so far: sold (to whom, for how much) or unsold")
    @GetMapping("/{code}/results")
    List<AuctionView.ResultView> results(@PathVariable String code) {
        return house.results(code(code));
    }

    @Operation(summary = "The players still to come, in order")
    @GetMapping("/{code}/pool")
    List<Player> pool(@PathVariable String code) {
        return house.pool(code(code));
    }

    private static final int MAX_AUTHORIZATION = 200;

    static String code(String code) {
        return AuctionCode.normalise(code);
    }

    static Franchise franchise(String code) {
        return Franchise.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown franchise '" + code + "'; choose one of " + Arrays.toString(Franchise.values())));
    }

    static java.util.Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return java.util.Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() > MAX_AUTHORIZATION) {
            throw new IllegalArgumentException("the Authorization header is longer than any token");
        }
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IllegalArgumentException("the Authorization header must be 'Bearer <token>'");
        }
        return java.util.Optional.of(value.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    static String requireToken(String authorization, String what) {
        return bearer(authorization).orElseThrow(() -> new MissingToken(what));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + value + "'; choose one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
