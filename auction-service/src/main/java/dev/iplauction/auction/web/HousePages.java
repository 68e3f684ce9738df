package dev.iplauction.auction.web;

import dev.iplauction.auction.api.RefusalStatus;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.AuctionNotFound;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.CreationRefused;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.auction.house.HostAction;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.auction.system.AuctionProperties;
import dev.iplauction.auction.table.TableView;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The auction house's pages, for people and for agents driving a browser: home (create or join), lobby (take a seat,
 * start), room (the lot, the clock, the bid button, live), squads, pool and results. Pages are rendered on the server
 * and kept live by {@code auction.js} from the {@code /stream} of each auction; bids, RTM steps and host actions from
 * the room go to the REST API with the token this browser holds. The page contract (every {@code data-testid}) is in
 * {@code PAGE_CONTRACT.md}.
 */
@Controller
class HousePages {

    /**
     * Why an auction refuses every change, for the pages: {@code damaged} (its rebuild could not apply a record) or
     * {@code reloading} (a write failed; the house reloads it from the log by itself).
     */
    record ReadOnly(String kind, String reason) {}

    private final AuctionHouse house;
    private final LiveUpdates liveUpdates;
    private final TableStream table;
    private final CatalogueChoices catalogues;

    /** Where report-service serves reports ({@code auction.report-url}); blank: the results page links to none. */
    private final String reportUrl;

    HousePages(
            AuctionHouse house,
            LiveUpdates liveUpdates,
            TableStream table,
            CatalogueChoices catalogues,
            AuctionProperties properties) {
        this.house = house;
        this.liveUpdates = liveUpdates;
        this.table = table;
        this.catalogues = catalogues;
        this.reportUrl = properties.reportUrl().strip();
    }

    static final Map<String, FranchiseStyle> STYLES = FranchiseStyle.ALL.stream()
            .collect(Collectors.toMap(FranchiseStyle::code, s -> s, (a, b) -> a, LinkedHashMap::new));
    static final String FRANCHISE_CSS =
            FranchiseStyle.ALL.stream().map(FranchiseStyle::css).collect(Collectors.joining());
    static final Map<String, String> ROLES = Arrays.stream(Role.values())
            .collect(Collectors.toMap(Role::name, Role::displayName, (a, b) -> a, LinkedHashMap::new));

    /** What every page's layout uses: the franchise colour classes and names, and role names. */
    @ModelAttribute
    void common(Model model) {
        model.addAttribute("franchiseCss", FRANCHISE_CSS);
        model.addAttribute("styles", STYLES);
        model.addAttribute("roles", ROLES);
    }

    // ---- home ----

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("auctions", house.list());
        Map<String, ReadOnly> readOnly = new LinkedHashMap<>();
        house.reloading().forEach((code, reason) -> readOnly.put(code, new ReadOnly("reloading", reason)));
        house.damaged().forEach((code, reason) -> readOnly.put(code, new ReadOnly("damaged", reason)));
        model.addAttribute("readOnly", readOnly);
        model.addAttribute("catalogues", catalogues.all());
        return "home";
    }

    @PostMapping("/auctions")
    String create(
            @RequestParam(defaultValue = "ipl2025") String catalogue,
            @RequestParam(required = false) String clockSeconds,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        AuctionHouse.Created created;
        try {
            created = house.create(createRequest(catalogue, clockSeconds, seed, name), request.getRemoteAddr());
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", invalid.getMessage());
            return home(model);
        } catch (CreationRefused refused) {
            response.setStatus(
                    refused.rateLimited() ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.CONFLICT.value());
            if (refused.rateLimited()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
            }
            model.addAttribute("error", refused.getMessage());
            return home(model);
        }
        PageCookies.write(request, response, PageCookies.hostCookie(created.code()), created.hostToken());
        return "redirect:/auctions/" + created.code() + "?created";
    }

    CreateAuction createRequest(String catalogue, String clockSeconds, String seed, String name) {
        if (catalogues.byId(catalogue).isEmpty()) {
            throw new IllegalArgumentException("There is no catalogue '" + abbreviate(catalogue)
                    + "' in this house: choose one of " + catalogues.ids() + ".");
        }
        Long bid = null;
        Long accelerated = null;
        Long rtm = null;
        if (clockSeconds != null && !clockSeconds.isBlank()) {
            double seconds;
            try {
                seconds = Double.parseDouble(clockSeconds.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the clock is a number of seconds, such as 10 or 2.5");
            }
            if (!(seconds >= 0.1 && seconds <= 300)) {
                throw new IllegalArgumentException("the clock must be between 0.1 and 300 seconds");
            }
            bid = Math.round(seconds * 1000);
            // The house's defaults keep these proportions: 10 s to bid, 5 s in the accelerated round, 8 s per RTM step.
            accelerated = Math.max(100, bid / 2);
            rtm = Math.max(100, bid * 4 / 5);
        }
        if (name != null && name.trim().length() > CreateAuction.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "The name can be at most " + CreateAuction.MAX_NAME_LENGTH + " characters long.");
        }
        Long parsedSeed = null;
        if (seed != null && !seed.isBlank()) {
            try {
                parsedSeed = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the seed is a whole number, such as 42");
            }
        }
        return new CreateAuction(
                catalogue,
                name == null || name.isBlank() ? null : name.trim(),
                null,
                null,
                null,
                null,
                null,
                bid,
                accelerated,
                rtm,
                parsedSeed);
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }

    /** Why the auction refuses every change now, if it does. */
    private Optional<ReadOnly> readOnly(String code) {
        String damage = house.damaged().get(code);
        if (damage != null) {
            return Optional.of(new ReadOnly("damaged", damage));
        }
        return Optional.ofNullable(house.reloading().get(code)).map(reason -> new ReadOnly("reloading", reason));
    }

    @GetMapping("/join")
    String join(@RequestParam(defaultValue = "") String code) {
        return "redirect:/auctions/" + AuctionCode.normalise(code);
    }

    // ---- lobby ----

    @GetMapping("/auctions/{code}")
    String lobby(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String c = code(code);
        noStore(response);
        lobbyModel(c, request, model);
        boolean justCreated = request.getParameterMap().containsKey("created");
        if (justCreated && Boolean.TRUE.equals(model.getAttribute("isHost"))) {
            model.addAttribute(
                    "hostToken",
                    PageCookies.read(request, PageCookies.hostCookie(c)).orElseThrow());
        }
        return "lobby";
    }

    private void lobbyModel(String code, HttpServletRequest request, Model model) {
        AuctionView view = house.view(code);
        Optional<String> seatToken = PageCookies.read(request, PageCookies.seatCookie(code));
        Optional<Franchise> mine = seatToken.flatMap(t -> house.seatOf(code, t));
        boolean host = PageCookies.read(request, PageCookies.hostCookie(code))
                .map(t -> house.isHost(code, t))
                .orElse(false);
        Map<String, List<AuctionView.SquadEntry>> retained = new LinkedHashMap<>();
        for (AuctionView.SquadView squad : house.squads(code)) {
            retained.put(
                    squad.code(),
                    squad.players().stream()
                            .filter(p -> "RETAINED".equals(p.acquisition()))
                            .toList());
        }
        model.addAttribute("view", view);
        model.addAttribute("viewJson", json(view));
        model.addAttribute("retained", retained);
        model.addAttribute("me", mine.map(Franchise::code).orElse(null));
        model.addAttribute("seatToken", mine.isPresent() ? seatToken.get() : null);
        model.addAttribute("isHost", host);
        model.addAttribute(
                "franchiseCodes",
                Arrays.stream(Franchise.values()).map(Franchise::code).toList());
        model.addAttribute("pageData", pageData(code, mine.map(Franchise::code).orElse(null), null, null));
        model.addAttribute("formToken", FormTokens.token(request, code));
    }

    @PostMapping("/auctions/{code}/seats")
    String takeSeat(
            @PathVariable String code,
            @RequestParam String franchise,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String then,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String c = code(code);
        if (!FormTokens.valid(request, c)) {
            return expiredForm(c, request, response, model);
        }
        Franchise wanted = franchise(franchise);
        boolean toRoom = toRoom(then);
        String given = token == null || token.isBlank() ? null : token.trim();
        Optional<String> cookie = PageCookies.read(request, PageCookies.seatCookie(c));
        if (given == null && cookie.isPresent()) {
            Optional<Franchise> held = house.seatOf(c, cookie.get());
            if (held.isPresent() && held.get() != wanted) {
                return lobbyWithError(
                        c,
                        request,
                        response,
                        model,
                        HttpStatus.CONFLICT,
                        "This browser already holds " + held.get().displayName() + "'s seat. Leave it first to take "
                                + wanted.displayName() + "'s.");
            }
            given = cookie.get();
        }
        String seatToken;
        try {
            seatToken = house.claimSeat(c, wanted, given);
        } catch (AuctionRefusal refusal) {
            return lobbyWithError(
                    c, request, response, model, RefusalStatus.of(refusal.reason()), refusal.getMessage());
        }
        PageCookies.write(request, response, PageCookies.seatCookie(c), seatToken);
        String phase = house.view(c).phase();
        return "LOBBY".equals(phase) && !toRoom
                ? "redirect:/auctions/" + c + "#my-seat"
                : "redirect:/auctions/" + c + "/room";
    }

    /**
     * Where a seat taken before the start goes: by default back to the lobby, whose seat card shows the token; with
     * {@code then=room} (the rejoin form's field, which agents set) straight to the room, one page load fewer.
     */
    private static boolean toRoom(String then) {
        if (then == null || then.isBlank() || then.equals("lobby")) {
            return false;
        }
        if (then.equals("room")) {
            return true;
        }
        throw new IllegalArgumentException(
                "'then' is where to go after taking the seat: 'lobby' or 'room', not '" + then + "'.");
    }

    @PostMapping("/auctions/{code}/seats/leave")
    String leaveSeat(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String c = code(code);
        if (!FormTokens.valid(request, c)) {
            return expiredForm(c, request, response, model);
        }
        Optional<String> cookie = PageCookies.read(request, PageCookies.seatCookie(c));
        if (cookie.isPresent() && house.seatOf(c, cookie.get()).isPresent()) {
            try {
                house.releaseSeat(c, cookie.get());
            } catch (AuctionRefusal refusal) {
                return lobbyWithError(
                        c, request, response, model, RefusalStatus.of(refusal.reason()), refusal.getMessage());
            }
        }
        PageCookies.clear(request, response, PageCookies.seatCookie(c));
        return "redirect:/auctions/" + c;
    }

    @PostMapping("/auctions/{code}/host-token")
    String enterHostToken(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String c = code(code);
        if (!FormTokens.valid(request, c)) {
            return expiredForm(c, request, response, model);
        }
        if (!house.isHost(c, token.trim())) {
            return lobbyWithError(
                    c,
                    request,
                    response,
                    model,
                    HttpStatus.FORBIDDEN,
                    "That is not the host token of auction " + c + ".");
        }
        PageCookies.write(request, response, PageCookies.hostCookie(c), token.trim());
        return "redirect:/auctions/" + c;
    }

    /** The host's buttons without JavaScript (the room's script calls the REST API instead). */
    @PostMapping("/auctions/{code}/host/{action}")
    String hostAction(
            @PathVariable String code,
            @PathVariable String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String c = code(code);
        if (!FormTokens.valid(request, c)) {
            return expiredForm(c, request, response, model);
        }
        HostAction hostAction = hostAction(action);
        String hostToken = PageCookies.read(request, PageCookies.hostCookie(c)).orElse(null);
        try {
            house.host(c, hostToken, hostAction);
        } catch (AuctionRefusal refusal) {
            return lobbyWithError(
                    c, request, response, model, RefusalStatus.of(refusal.reason()), refusal.getMessage());
        }
        return hostAction == HostAction.END
                ? "redirect:/auctions/" + c + "/results"
                : "redirect:/auctions/" + c + "/room";
    }

    /** A post without this page's form token: from a stale page, or from a page elsewhere (never acted on). */
    private String expiredForm(String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        return lobbyWithError(
                code,
                request,
                response,
                model,
                HttpStatus.FORBIDDEN,
                "This form has expired or did not come from this page; nothing was done. Try again from this page.");
    }

    private String lobbyWithError(
            String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            HttpStatus status,
            String message) {
        response.setStatus(status.value());
        lobbyModel(code, request, model);
        model.addAttribute("error", message);
        return "lobby";
    }

    // ---- the room ----

    @GetMapping("/auctions/{code}/room")
    String room(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String c = code(code);
        noStore(response);
        AuctionView view = house.view(c);
        Optional<String> seatToken = PageCookies.read(request, PageCookies.seatCookie(c));
        String me =
                seatToken.flatMap(t -> house.seatOf(c, t)).map(Franchise::code).orElse(null);
        Optional<String> hostToken =
                PageCookies.read(request, PageCookies.hostCookie(c)).filter(t -> house.isHost(c, t));
        model.addAttribute("view", view);
        model.addAttribute("viewJson", json(view));
        model.addAttribute("me", me);
        model.addAttribute("isHost", hostToken.isPresent());
        model.addAttribute("bid", BidState.of(view, me));
        TableView tableView = table.current(c);
        model.addAttribute("ai", java.util.Set.copyOf(tableView.ai()));
        model.addAttribute("table", tableView);
        model.addAttribute("readOnly", readOnly(c).orElse(null));
        model.addAttribute("tableJson", TableStream.json(tableView));
        model.addAttribute("pageData", pageData(c, me, me == null ? null : seatToken.get(), hostToken.orElse(null)));
        model.addAttribute("formToken", FormTokens.token(request, c));
        return "room";
    }

    /** Whether the auction refuses every change now, and why: the room's banner asks while it shows. */
    @GetMapping(path = "/auctions/{code}/read-only", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> readOnlyState(@PathVariable String code, HttpServletResponse response) {
        String c = code(code);
        noStore(response);
        house.view(c); // an unknown code is a 404
        return readOnly(c)
                .<Map<String, Object>>map(r -> Map.of("readOnly", true, "kind", r.kind(), "reason", r.reason()))
                .orElseGet(() -> Map.of("readOnly", false));
    }

    @GetMapping(path = "/auctions/{code}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String code) {
        String c = code(code);
        house.view(c); // an unknown code is a 404, not an empty stream
        return liveUpdates.subscribe(c, () -> house.view(c), () -> table.start(c));
    }

    /** The auction already has as many live pages as it takes; the page's script tries again later. */
    @ExceptionHandler
    ResponseEntity<String> on(LiveUpdates.TooManyStreams full) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.TEXT_PLAIN)
                .body(full.getMessage());
    }

    // ---- squads, pool, results ----

    @GetMapping("/auctions/{code}/squads")
    String squads(@PathVariable String code, HttpServletRequest request, Model model) {
        String c = code(code);
        AuctionView view = house.view(c);
        model.addAttribute("view", view);
        model.addAttribute("squads", house.squads(c));
        model.addAttribute(
                "standings",
                view.franchises().stream()
                        .collect(Collectors.toMap(
                                AuctionView.FranchiseView::code, f -> f, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("me", myFranchise(c, request));
        return "squads";
    }

    @GetMapping("/auctions/{code}/pool")
    String pool(@PathVariable String code, HttpServletRequest request, Model model) {
        String c = code(code);
        AuctionView view = house.view(c);
        model.addAttribute("view", view);
        model.addAttribute("pool", PoolEntry.of(house.pool(c), house.results(c)));
        model.addAttribute("me", myFranchise(c, request));
        return "pool";
    }

    @GetMapping("/auctions/{code}/results")
    String results(@PathVariable String code, HttpServletRequest request, Model model) {
        String c = code(code);
        AuctionView view = house.view(c);
        model.addAttribute("view", view);
        model.addAttribute("summary", ResultsSummary.of(view, house.squads(c), house.results(c)));
        model.addAttribute("reportUrl", reportUrl.isBlank() ? null : reportUrl.replaceAll("/+$", "") + "/reports/" + c);
        model.addAttribute("me", myFranchise(c, request));
        return "results";
    }

    // ---- errors ----

    @ExceptionHandler
    ModelAndView on(AuctionNotFound notFound) {
        if (notFound.leftTheHouse()) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "Auction finished",
                    "Auction " + notFound.code() + " finished a while ago and this house no longer shows it."
                            + " Its report and replay are on the reports service.");
        }
        return problem(
                HttpStatus.NOT_FOUND,
                "No such auction",
                "There is no auction with the code " + notFound.code()
                        + ". Check the code with whoever shared it, or create a new auction.");
    }

    @ExceptionHandler
    ModelAndView on(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "That did not look right", invalid.getMessage());
    }

    @ExceptionHandler
    ModelAndView on(EventLogUnavailable unavailable) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The auction house is catching its breath",
                "The change could not be recorded just now, so it did not happen. Please try again in a moment.");
    }

    private static ModelAndView problem(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("problem", status);
        mav.addObject("status", status.value());
        mav.addObject("title", title);
        mav.addObject("message", message);
        mav.addObject("franchiseCss", FRANCHISE_CSS);
        return mav;
    }

    // ---- helpers ----

    /** The lobby and the room may carry this browser's tokens and are live anyway: never keep a copy. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private String myFranchise(String code, HttpServletRequest request) {
        return PageCookies.read(request, PageCookies.seatCookie(code))
                .flatMap(t -> house.seatOf(code, t))
                .map(Franchise::code)
                .orElse(null);
    }

    private static String code(String code) {
        return AuctionCode.normalise(code);
    }

    private static Franchise franchise(String code) {
        return Franchise.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("There is no franchise '" + code + "'; choose one of "
                        + Arrays.toString(Franchise.values()) + "."));
    }

    private static HostAction hostAction(String action) {
        try {
            return HostAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("There is no host action '" + action + "'.");
        }
    }

    /** What the page's script needs besides the view: the code, and this browser's seat and host token if any. */
    private static String pageData(String code, String franchise, String seatToken, String hostToken) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("franchise", franchise);
        data.put("seatToken", seatToken);
        data.put("hostToken", hostToken);
        return scriptSafe(EventJson.mapper().writeValueAsString(data));
    }

    static String json(AuctionView view) {
        return scriptSafe(EventJson.mapper().writeValueAsString(view));
    }

    /** JSON to put inside a {@code <script>} element: no '<' can close the element early. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }
}
