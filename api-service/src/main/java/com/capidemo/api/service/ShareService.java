package com.capidemo.api.service;

import com.capidemo.api.security.ShareAttempts;
import com.capidemo.api.security.SharePasswords;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.ShareStore;
import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Share links of a demo. The demo's owner or a tenant admin creates (a random 32-byte url-safe token, shown in the
 * answer and to them in the list again; stored as its SHA-256 plus ciphertext), lists and revokes links. Anyone with
 * the token sees a read-only view of the demo and may chat with it: unknown or revoked 404, expired 410, a password
 * required and missing or wrong 401; each password check is admitted by {@link ShareAttempts} before any hashing
 * ({@link ShareAttempts#PER_MINUTE} a minute per link, else 429; a bounded number at once, else 503). A password is
 * stored only as a PBKDF2 hash ({@link SharePasswords}).
 */
@ApplicationScoped
public class ShareService {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 90;
    static final int TOKEN_BYTES = 32;
    static final int LIST_LIMIT = 100;
    /** What a token looks like (43 url-safe characters as issued); anything else is unknown without a lookup. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShareStore shares;
    private final DemoStore demos;
    private final DemoService demoService;
    private final ChatService chat;
    private final ShareAttempts attempts;
    private final Crypto crypto;
    private final Clock clock;

    public ShareService(
            ShareStore shares,
            DemoStore demos,
            DemoService demoService,
            ChatService chat,
            ShareAttempts attempts,
            Crypto crypto,
            Clock clock) {
        this.shares = shares;
        this.demos = demos;
        this.demoService = demoService;
        this.chat = chat;
        this.attempts = attempts;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** A link just made. */
    public record Created(String token, String shareUrl, String demoId, Instant expiresAt, boolean passwordProtected) {}

    /** A link as its demo's owner sees it in the list. */
    public record Link(
            String token,
            String shareUrl,
            String demoId,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            boolean expired,
            boolean passwordProtected,
            long accessCount,
            Instant lastAccessed) {}

    /** What a viewer of a link sees. */
    public record SharedView(SharedDemo demo, boolean readOnly, String sharedBy, Instant expiresAt) {}

    public record SharedDemo(
            String customerName,
            String templateId,
            String industry,
            String status,
            List<SharedTable> tables,
            List<String> goldenQuestions,
            Readiness readiness) {}

    public record SharedTable(String name, long rowCount) {}

    /** A link the viewer passed: the stored link and its demo. */
    public record Opened(DemoShare share, Demo demo) {}

    public static String urlOf(String token) {
        return "/api/shared/" + token;
    }

    public Created create(Caller caller, String demoId, int expiresInDays, Optional<String> password) {
        Demo demo = demoService.manageable(caller, demoId, "share");
        if (demo.status() == DemoStatus.DELETED) {
            throw ApiProblem.conflict("demo-deleted", "Demo '" + demoId + "' is deleted");
        }
        byte[] raw = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(expiresInDays));
        DemoShare share = new DemoShare(
                Ids.sha256(token),
                crypto.encrypt(token.getBytes(StandardCharsets.UTF_8), context(demoId)),
                demoId,
                demo.tenantId(),
                caller.userEmail(),
                now,
                expires,
                password.map(SharePasswords::hash).orElse(null),
                true,
                0,
                null,
                null);
        if (!shares.create(share)) {
            throw new IllegalStateException("a share token collided"); // 2^-256: never
        }
        Log.infof(
                "demo %s shared as %s by %s until %s%s",
                demoId, share.shareId(), caller.userEmail(), expires, share.hasPassword() ? " (password)" : "");
        return new Created(token, urlOf(token), demoId, expires, share.hasPassword());
    }

    /** The demo's links that are not revoked, newest first (at most 100), with their access counts. */
    public List<Link> list(Caller caller, String demoId) {
        demoService.manageable(caller, demoId, "list the share links of");
        Instant now = clock.instant();
        List<Link> links = new ArrayList<>();
        for (DemoShare s : shares.listByDemo(demoId, LIST_LIMIT)) {
            String token = new String(crypto.decrypt(s.encryptedToken(), context(demoId)), StandardCharsets.UTF_8);
            links.add(new Link(
                    token,
                    urlOf(token),
                    demoId,
                    s.createdBy(),
                    s.createdAt(),
                    s.expiresAt(),
                    s.isExpiredAt(now),
                    s.hasPassword(),
                    s.accessCount(),
                    s.lastAccessed()));
        }
        return links;
    }

    /** Revokes the link: from then on it is 404; revoking again is fine. An unknown link (or another demo's) is 404. */
    public void revoke(Caller caller, String demoId, String token) {
        demoService.manageable(caller, demoId, "revoke the share links of");
        DemoShare share = stored(token)
                .filter(s -> s.demoId().equals(demoId))
                .orElseThrow(() -> ApiProblem.notFound("share", demoId + "/…"));
        shares.revoke(share.tokenHash(), clock.instant());
        Log.infof("share %s of demo %s revoked by %s", share.shareId(), demoId, caller.userEmail());
    }

    /** The read-only view; counts one access. */
    public SharedView view(String token, Optional<String> password) {
        Opened opened = open(token, password);
        shares.recordAccess(opened.share().tokenHash(), clock.instant());
        Demo d = opened.demo();
        return new SharedView(
                new SharedDemo(
                        d.customerName(),
                        d.templateId(),
                        d.industry(),
                        d.status().wire(),
                        tables(d.metadata()),
                        d.goldenQueries().stream().map(GoldenQuery::question).toList(),
                        d.readiness()),
                true,
                opened.share().createdBy(),
                opened.share().expiresAt());
    }

    /** A viewer's question, answered by the chat service in conversations of this link only. */
    public ChatService.Reply chat(String token, Optional<String> password, String message, String conversationId) {
        Opened opened = open(token, password);
        return chat.chatAsViewer(opened.demo(), "share:" + opened.share().shareId(), message, conversationId);
    }

    /**
     * Checks a link in the order that gives nothing away: unknown, revoked or its demo gone 404; expired 410; then, for
     * a password link, 401 without a password, 429 or 503 when no check is admitted (before hashing), 401 for a
     * wrong one.
     */
    Opened open(String token, Optional<String> password) {
        DemoShare share =
                stored(token).filter(s -> !s.isRevoked()).orElseThrow(() -> ApiProblem.notFound("share", "…"));
        Demo demo = demos.find(share.demoId())
                .filter(d -> d.status() != DemoStatus.DELETED)
                .orElseThrow(() -> ApiProblem.notFound("share", "…"));
        if (share.isExpiredAt(clock.instant())) {
            throw new ApiProblem(410, "share-expired", "Gone", "This share link expired at " + share.expiresAt());
        }
        if (share.hasPassword()) {
            String given = password.filter(p -> !p.isEmpty())
                    .orElseThrow(
                            () -> ApiProblem.unauthorized("this share link needs its password (X-Share-Password)"));
            try (ShareAttempts.Check check = attempts.begin(share.tokenHash())) {
                if (!SharePasswords.matches(given, share.passwordHash())) {
                    throw ApiProblem.unauthorized("wrong password for this share link");
                }
                check.passed();
            }
        }
        return new Opened(share, demo);
    }

    private Optional<DemoShare> stored(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return shares.find(Ids.sha256(token));
    }

    private static String context(String demoId) {
        return "share:" + demoId;
    }

    private static List<SharedTable> tables(Map<String, Object> metadata) {
        if (metadata == null || !(metadata.get("tables") instanceof Map<?, ?> tables)) {
            return List.of();
        }
        List<SharedTable> out = new ArrayList<>();
        tables.forEach((name, rows) ->
                out.add(new SharedTable(String.valueOf(name), rows instanceof Number n ? n.longValue() : 0)));
        return out;
    }
}
