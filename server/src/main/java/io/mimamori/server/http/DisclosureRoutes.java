package io.mimamori.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.DisclosureStore;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.register.RegisterStore;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Disclosures;
import io.mimamori.server.auth.Principal;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/my/residents}: a supporter's people, as the disclosure policy shows them to the
 * supporter or support organisation the account acts for: those who consented (or are presumed
 * to) and whose plan names them, and during an emergency those of the emergency whose plan names
 * them or whose check is assigned to them; each with only the fields the task needs, the basis
 * ({@code consent} or {@code emergency}) and the emergency. {@code GET
 * /api/emergencies/{id}/disclosures}: for HQ, who saw which residents without consent under that
 * emergency, until the retention purge. Both audited.
 */
public final class DisclosureRoutes {

  /** More people than any one supporter or organisation is given. */
  static final int MY_LIMIT = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Disclosures disclosures;
  private final DisclosureStore store;
  private final RegisterStore register;
  private final AuditLog audit;

  public DisclosureRoutes(Disclosures disclosures, DisclosureStore store, RegisterStore register, AuditLog audit) {
    this.disclosures = disclosures;
    this.store = store;
    this.register = register;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.get("/api/my/residents", this::myResidents);
    app.get("/api/emergencies/{id}/disclosures", this::grants);
  }

  private void myResidents(Context ctx) throws SQLException, IOException {
    Viewer viewer = Disclosures.viewer(ctx);
    List<Disclosure> visible = disclosures.visible(viewer, MY_LIMIT);
    Map<Long, String> entries = register.detailsJson(visible.stream().map(Disclosure::residentId).toList());
    disclosures.record(ctx, viewer, "read", "support", visible);
    ArrayNode items = JSON.createArrayNode();
    for (Disclosure d : visible) {
      String entry = entries.get(d.residentId());
      if (entry == null) {
        continue;
      }
      ObjectNode item = ResidentMask.apply(JSON.readTree(entry), d);
      item.put("basis", d.basis().code());
      if (d.emergencyId() == null) {
        item.putNull("emergency_id");
      } else {
        item.put("emergency_id", d.emergencyId());
      }
      items.add(item);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("items", items);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
  }

  private void grants(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long emergency;
    try {
      emergency = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("id", "id is a whole number");
    }
    List<DisclosureStore.GrantSummary> grants = store.grants(emergency);
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), "read", "disclosure_review",
        "resident", grants.stream().flatMap(g -> g.residentIds().stream()).distinct().sorted().toList(), ctx.ip())));
    ctx.header("Cache-Control", "no-store");
    ctx.json(grants.stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("user_id", g.userId());
      m.put("login", g.login());
      m.put("role", g.role());
      m.put("resident_ids", g.residentIds());
      m.put("fields", g.fields());
      m.put("first_at", g.firstAt().toString());
      m.put("last_at", g.lastAt().toString());
      m.put("times", g.times());
      return m;
    }).toList());
  }
}
