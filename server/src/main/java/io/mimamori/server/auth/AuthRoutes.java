package io.mimamori.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.mimamori.layers.account.Account;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.SessionStore;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.server.http.BadRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions: {@code POST /api/login} (JSON {@code login}, {@code password}) sets an HttpOnly,
 * SameSite=Strict session cookie and answers the account with the CSRF token that state-changing
 * requests must echo in {@code X-CSRF-Token}; {@code POST /api/logout}; {@code POST
 * /api/logout-everywhere}; {@code GET /api/me}. Failed logins count per account (locked for 15
 * minutes after 5) and per client address (rate limited). Every login, failure and logout is
 * audited. A refused login is 401 with {@code error} {@code wrong_credentials}, the same for an
 * unknown login, a wrong password and a disabled account, or {@code account_locked} while the
 * account is locked; 429 {@code too_many_requests} when the address is rate limited.
 */
public final class AuthRoutes {

  public static final String COOKIE = "mimamori_session";
  private static final String WRONG_CREDENTIALS = "Wrong login or password.";
  private static final String PRINCIPAL = "mimamori.principal";

  private final AccountStore accounts;
  private final SessionStore sessions;
  private final AuditLog audit;
  private final PasswordHasher hasher = new PasswordHasher();
  private final LoginRateLimiter limiter;
  private final boolean secureCookies;
  /** A hash to verify against when the login is unknown, so both paths take the same time. */
  private final String decoyHash;

  public AuthRoutes(AccountStore accounts, SessionStore sessions, AuditLog audit, LoginRateLimiter limiter, boolean secureCookies) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.audit = audit;
    this.limiter = limiter;
    this.secureCookies = secureCookies;
    this.decoyHash = hasher.hash("decoy-password-never-used".toCharArray());
  }

  public void register(Javalin app) {
    app.before(this::authenticate);
    app.before(AuthRoutes::checkCsrf);
    app.post("/api/login", this::login);
    app.post("/api/logout", this::logout);
    app.post("/api/logout-everywhere", this::logoutEverywhere);
    app.get("/api/me", ctx -> ctx.json(describe(require(ctx))));
  }

  /** The caller, if signed in. */
  public static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /** The caller, or 401. */
  public static Principal require(Context ctx) {
    return principal(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in first (POST /api/login)."));
  }

  private void authenticate(Context ctx) throws SQLException {
    String token = ctx.cookie(COOKIE);
    if (token == null) {
      return;
    }
    Optional<SessionStore.Session> session = sessions.find(token);
    if (session.isEmpty()) {
      return;
    }
    Optional<Account> account = accounts.findById(session.get().userId());
    account.ifPresent(a -> ctx.attribute(PRINCIPAL, new Principal(a, session.get().csrfToken())));
  }

  private static void checkCsrf(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || ctx.path().equals("/api/login")) {
      return;
    }
    principal(ctx).ifPresent(p -> {
      String sent = ctx.header("X-CSRF-Token");
      if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), p.csrfToken().getBytes())) {
        throw new io.javalin.http.ForbiddenResponse("Missing or wrong X-CSRF-Token header.");
      }
    });
  }

  private void login(Context ctx) throws SQLException {
    String address = ctx.ip();
    if (!limiter.tryAcquire(address)) {
      ctx.header("Retry-After", "60");
      ctx.status(429).json(Map.of("status", 429, "error", "too_many_requests",
          "message", "Too many login attempts from this address; wait a minute."));
      return;
    }
    JsonNode body;
    try {
      body = ctx.bodyAsClass(JsonNode.class);
    } catch (Exception e) { // Jackson's parse errors arrive unchecked through Javalin
      throw new BadRequest("body", "expected a JSON object {\"login\": ..., \"password\": ...}");
    }
    String login = text(body, "login", 64);
    String password = text(body, "password", 1024);
    Optional<Account> found = accounts.findByLogin(login);
    Instant now = Instant.now();
    if (found.isEmpty()) {
      hasher.verify(password.toCharArray(), decoyHash);
      audit(null, login, "login_failed", address);
      refuse(ctx, "wrong_credentials", WRONG_CREDENTIALS);
      return;
    }
    Account a = found.get();
    if (a.disabled() || a.lockedAt(now)) {
      hasher.verify(password.toCharArray(), decoyHash);
      audit(a.id(), a.login(), "login_failed", address);
      if (a.disabled()) {
        refuse(ctx, "wrong_credentials", WRONG_CREDENTIALS);
      } else {
        refuse(ctx, "account_locked", "This account is locked after repeated failures; try again later or ask an administrator.");
      }
      return;
    }
    if (!hasher.verify(password.toCharArray(), a.passwordHash())) {
      accounts.recordFailedLogin(a.id());
      audit(a.id(), a.login(), "login_failed", address);
      refuse(ctx, "wrong_credentials", WRONG_CREDENTIALS);
      return;
    }
    accounts.recordSuccessfulLogin(a.id());
    SessionStore.NewSession s = sessions.open(a.id());
    Cookie cookie = new Cookie(COOKIE, s.token(), "/", -1, secureCookies, 0, true, null, null, SameSite.STRICT);
    ctx.cookie(cookie);
    audit(a.id(), a.login(), "login", address);
    Map<String, Object> out = describe(new Principal(a, s.csrfToken()));
    ctx.json(out);
  }

  /**
   * A refused login: 401 with {@code error} {@code wrong_credentials} or {@code account_locked},
   * so a page can word it in its own language. A disabled account reads as wrong credentials.
   */
  private static void refuse(Context ctx, String error, String message) {
    ctx.status(401).json(Map.of("status", 401, "error", error, "message", message));
  }

  private void logout(Context ctx) throws SQLException {
    Principal p = require(ctx);
    sessions.close(ctx.cookie(COOKIE));
    ctx.removeCookie(COOKIE, "/");
    audit(p.account().id(), p.account().login(), "logout", ctx.ip());
    ctx.status(204);
  }

  private void logoutEverywhere(Context ctx) throws SQLException {
    Principal p = require(ctx);
    accounts.logoutEverywhere(p.account().id());
    ctx.removeCookie(COOKIE, "/");
    audit(p.account().id(), p.account().login(), "logout", ctx.ip());
    ctx.status(204);
  }

  private static Map<String, Object> describe(Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("login", p.account().login());
    m.put("display_name", p.account().displayName());
    m.put("municipality_code", p.account().municipalityCode());
    m.put("roles", p.account().roles().stream().map(g -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("role", g.role().code());
      r.put("district_id", g.districtId());
      if (g.shelterId() != null) {
        r.put("shelter_id", g.shelterId());
      }
      return r;
    }).toList());
    m.put("csrf_token", p.csrfToken());
    return m;
  }

  private void audit(Long userId, String login, String action, String address) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), userId, login, action, "authentication", "account",
        userId == null ? List.of() : List.of(userId), address)));
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || !n.isTextual() || n.asText().isEmpty()) {
      throw new BadRequest(field, field + " is required (a non-empty string)");
    }
    if (n.asText().length() > max) {
      throw new BadRequest(field, field + " is longer than " + max + " characters");
    }
    return n.asText();
  }
}
