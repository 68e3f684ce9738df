package dev.iplauction.auction.system;

import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.Tokens;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.security.SeatSecrets;
import dev.iplauction.security.SecretFiles;
import dev.iplauction.security.SecretsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before the web server takes requests: check the agents' seat secret, rebuild every auction from
 * {@code auction.events}, then create the configured auction if it does not exist yet (so {@code AUCTION_CODE=ABCD12}
 * works on the first start and on every restart), and hold the person's franchise behind an invitation.
 *
 * <p>Secrets are never logged: a host token the house makes, and the invitation, go to owner-only files in
 * {@code SECRETS_DIR} ({@code scripts/host-token.sh} prints them), which outlive a restart.
 */
@Component
class Recovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final AuctionHouse house;
    private final AuctionProperties properties;
    private final Path secrets;
    private volatile boolean running;

    Recovery(AuctionHouse house, AuctionProperties properties, SecretsSettings secrets) {
        this.house = house;
        this.properties = properties;
        this.secrets = secrets.directory();
    }

    /** Where the house keeps the bootstrap auction's host token when it made it. */
    private Path hostTokenFile(String code) {
        return secrets.resolve("host-token-" + code);
    }

    /** Where the house keeps the invitation to the person's seat. */
    private Path invitationFile(String code, Franchise franchise) {
        return secrets.resolve("invitation-" + code + "-" + franchise.code());
    }

    @Override
    public void start() {
        // Made here if absent, so the file exists before any agent starts; a published default stops the house.
        SeatSecrets.resolve(properties.seatSecret(), secrets.resolve(SeatSecrets.FILE_NAME));
        house.recover();
        var bootstrap = properties.bootstrap();
        if (bootstrap.enabled()) {
            bootstrap(bootstrap);
        }
        running = true;
    }

    private void bootstrap(AuctionProperties.Bootstrap bootstrap) {
        boolean configured = !bootstrap.hostToken().isBlank();
        Path tokenFile = hostTokenFile(bootstrap.code().toUpperCase(Locale.ROOT));
        String hostToken = configured
                ? bootstrap.hostToken()
                : Files.exists(tokenFile) ? SecretFiles.readOrCreate(tokenFile) : Tokens.newToken();
        var request = CreateAuction.of(bootstrap.catalogue());
        if (bootstrap.seed() != null) {
            request = request.withSeed(bootstrap.seed());
        }
        var created = house.createIfAbsent(bootstrap.code(), request, hostToken);
        String code =
                created.map(AuctionHouse.Created::code).orElse(bootstrap.code().toUpperCase(Locale.ROOT));
        if (created.isPresent() && !configured) {
            SecretFiles.write(tokenFile, hostToken);
        }
        String where = configured
                ? "as configured (AUCTION_HOST_TOKEN)"
                : Files.exists(tokenFile)
                        ? "in " + tokenFile + " (scripts/host-token.sh prints it)"
                        : "not kept: the auction was made before host tokens were kept in files";
        log.info(
                "auction {} {}; host token {}",
                code,
                created.isPresent() ? "created from configuration" : "exists",
                where);
        if (!bootstrap.humanFranchise().isBlank()) {
            reserve(
                    code,
                    hostToken,
                    Franchise.fromCode(bootstrap.humanFranchise().strip().toUpperCase(Locale.ROOT))
                            .orElseThrow());
        }
    }

    /** Holds the person's seat with the invitation's token (the same token every start, so this is idempotent). */
    private void reserve(String code, String hostToken, Franchise franchise) {
        Path file = invitationFile(code, franchise);
        boolean fresh = !Files.exists(file);
        String invitation = SecretFiles.readOrCreate(file);
        if (!house.isHost(code, hostToken)) {
            log.warn(
                    "auction {}: {}'s seat is not held for a person: the house does not know this auction's host"
                            + " token",
                    code,
                    franchise);
            return;
        }
        try {
            if (fresh || house.seatOf(code, invitation).isEmpty()) {
                house.claimSeat(code, franchise, invitation);
            }
            log.info(
                    "auction {}: {}'s seat is held for a person; the invitation is in {} (scripts/host-token.sh prints"
                            + " the link {})",
                    code,
                    franchise,
                    file,
                    Tokens.invitationLink(code, franchise, "…"));
        } catch (AuctionRefusal refusal) {
            log.warn(
                    "auction {}: {}'s seat could not be held for a person: {} (the host can free it)",
                    code,
                    franchise,
                    refusal.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server (which starts late) takes its first request. */
    @Override
    public int getPhase() {
        return 0;
    }
}
