package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.field.CheckPhotoStore;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Photos of safety checks: {@code POST /api/checks/{id}/photos} (the image itself as the body,
 * JPEG, PNG or WebP up to 900 kB, with an {@code Idempotency-Key} header and optionally {@code
 * X-Client-Time}; a supporter only on checks assigned to them, like status reports; stored once per
 * key), {@code GET /api/checks/{id}/photos} (the list, for HQ and dispatchers) and {@code GET
 * /api/photos/{id}} (one photo). Uploading is audited as an update, reading as a read of the
 * resident's data.
 */
public final class PhotoRoutes {

  private final CheckPhotoStore photos;
  private final SafetyCheckStore checks;
  private final AuditLog audit;

  public PhotoRoutes(CheckPhotoStore photos, SafetyCheckStore checks, AuditLog audit) {
    this.photos = photos;
    this.checks = checks;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.post("/api/checks/{id}/photos", this::upload);
    app.get("/api/checks/{id}/photos", this::list);
    app.get("/api/photos/{id}", this::photo);
  }

  private void upload(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long checkId = id(ctx);
    boolean operator = p.has(Role.HQ) || p.has(Role.ADMIN) || p.has(Role.DISPATCHER);
    if (!operator) {
      Optional<Long> mine = SupporterRoutes.supporterOf(p);
      if (mine.isEmpty() || !checks.assignedSupporter(checkId).equals(mine)) {
        throw new ForbiddenResponse("This check is not assigned to you.");
      }
    }
    String type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";", 2)[0].trim().toLowerCase()).orElse("");
    if (!List.of("image/jpeg", "image/png", "image/webp").contains(type)) {
      throw new HttpResponseException(415, "A photo is sent as image/jpeg, image/png or image/webp.");
    }
    long length = ctx.contentLength();
    if (length > CheckPhotoStore.MAX_BYTES) {
      throw new HttpResponseException(413, "A photo may have at most " + CheckPhotoStore.MAX_BYTES + " bytes.");
    }
    String key = ctx.header("Idempotency-Key");
    if (key == null || !key.matches("[A-Za-z0-9_-]{8,80}")) {
      throw new BadRequest("Idempotency-Key", "Idempotency-Key header: 8-80 letters, digits, _ or -");
    }
    Instant clientTime = null;
    String sentAt = ctx.header("X-Client-Time");
    if (sentAt != null) {
      try {
        clientTime = Instant.parse(sentAt);
      } catch (DateTimeParseException e) {
        throw new BadRequest("X-Client-Time", "X-Client-Time must be an ISO-8601 instant such as 2026-11-22T09:00:00Z");
      }
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > CheckPhotoStore.MAX_BYTES) {
      throw new HttpResponseException(413, "A photo may have at most " + CheckPhotoStore.MAX_BYTES + " bytes.");
    }
    if (!looksLike(type, bytes)) {
      throw new BadRequest("body", "the body is not a " + type + " image");
    }
    CheckPhotoStore.Photo photo;
    try {
      photo = photos.add(checkId, type, bytes, p.account().id(), clientTime, key);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("id", e.getMessage());
    }
    audit(ctx, p, "update", List.of(photo.residentId()));
    ctx.status(photo.duplicate() ? 200 : 201).json(describe(photo));
  }

  private void list(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    List<CheckPhotoStore.Photo> list = photos.list(id(ctx));
    if (!list.isEmpty()) {
      audit(ctx, p, "read", List.of(list.get(0).residentId()));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(Map.of("photos", list.stream().map(PhotoRoutes::describe).toList()));
  }

  private void photo(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    CheckPhotoStore.PhotoBytes photo = photos.find(id(ctx)).orElseThrow(() -> new NotFoundResponse("No such photo."));
    audit(ctx, p, "read", List.of(photo.residentId()));
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "inline; filename=\"check-" + photo.checkId() + "-" + photo.id() + "\"");
    ctx.res().setCharacterEncoding(null); // an image has no charset (Jetty would add utf-8)
    ctx.contentType(photo.contentType()).result(photo.bytes());
  }

  /** The first bytes of each format: JPEG FF D8 FF, PNG's signature, WebP's RIFF....WEBP. */
  static boolean looksLike(String type, byte[] b) {
    return switch (type) {
      case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
      case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
      case "image/webp" -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
          && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
      default -> false;
    };
  }

  private static Map<String, Object> describe(CheckPhotoStore.Photo photo) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", photo.id());
    m.put("check_id", photo.checkId());
    m.put("content_type", photo.contentType());
    m.put("bytes", photo.byteCount());
    m.put("uploaded_at", photo.uploadedAt().toString());
    m.put("client_time", photo.clientTime() == null ? null : photo.clientTime().toString());
    m.put("duplicate", photo.duplicate());
    return m;
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("id", "id is a whole number");
    }
  }

  private void audit(Context ctx, Principal p, String action, List<Long> residents) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, "safety_check",
        "resident", residents, ctx.ip())));
  }
}
