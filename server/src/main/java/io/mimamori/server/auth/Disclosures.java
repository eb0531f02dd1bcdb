package io.mimamori.server.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.DisclosureStore;
import io.mimamori.layers.disclosure.Viewer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The disclosure policy as endpoints use it. {@link AccessRules} decides who may call an endpoint;
 * this decides which residents and which of their fields the answer may carry. An endpoint that
 * sends residents' data:
 *
 * <ol>
 *   <li>takes the caller as a {@link Viewer} ({@link #viewer(Context)}: the signed-in account, its
 *       grants narrowed to the roles the endpoint's access rule admits);
 *   <li>lists residents with a store method that takes the viewer (the policy's visibility query is
 *       joined in the SQL), or decides about given ids with {@link #decide} / {@link #require};
 *   <li>serialises each resident through its {@link Disclosure}: {@code ResidentMask} for the
 *       resident object, {@link Disclosure#allows} for anything else;
 *   <li>calls {@link #record} with what it is about to send, before sending: the audit entry, and
 *       for residents shown without consent during an emergency, the emergency's grant records.
 * </ol>
 */
public final class Disclosures {

  private final DisclosureStore store;

  public Disclosures(DisclosureStore store) {
    this.store = store;
  }

  /**
   * The signed-in caller (else 401) as a viewer, with only the grants of the roles the matched
   * endpoint's access rule admits (all grants on a public endpoint).
   */
  public static Viewer viewer(Context ctx) {
    Principal p = AuthRoutes.require(ctx);
    Viewer all = Viewer.of(p.account());
    Set<Role> admitted;
    try {
      admitted = AccessRules.find(ctx.method(), ctx.endpointHandlerPath()).orElse(Set.of());
    } catch (IllegalStateException noEndpoint) {
      admitted = Set.of();
    }
    return admitted.isEmpty() ? all : all.restrictedTo(admitted);
  }

  /** The decisions for the given residents, keyed by id; residents the viewer may not see are left out. */
  public Map<Long, Disclosure> decide(Viewer viewer, Collection<Long> residentIds) throws SQLException {
    return store.decide(viewer, residentIds);
  }

  /** The decision for one resident, or 403 when the viewer may not see them. */
  public Disclosure require(Viewer viewer, long residentId) throws SQLException {
    Disclosure d = store.decide(viewer, List.of(residentId)).get(residentId);
    if (d == null) {
      throw new ForbiddenResponse("This resident is not disclosed to you.");
    }
    return d;
  }

  /** Every resident visible to the viewer, by id, up to {@code limit}. */
  public List<Disclosure> visible(Viewer viewer, int limit) throws SQLException {
    return store.visible(viewer, limit);
  }

  /** {@link #record(Viewer, String, String, String, Collection)} from a request's client address. */
  public void record(Context ctx, Viewer viewer, String action, String purpose, Collection<Disclosure> sent)
      throws SQLException {
    record(viewer, action, purpose, ctx.ip(), sent);
  }

  /**
   * Records what is about to be sent, before it is sent: one audit entry ({@code action}: read,
   * export) for what the viewer sees with consent or as the register's keeper, one {@code disclose}
   * entry for what an emergency discloses without consent, and that emergency's grant records.
   */
  public void record(Viewer viewer, String action, String purpose, String clientAddress, Collection<Disclosure> sent)
      throws SQLException {
    List<Long> ordinary = new ArrayList<>();
    List<Long> withoutConsent = new ArrayList<>();
    for (Disclosure d : sent) {
      (d.withoutConsent() ? withoutConsent : ordinary).add(d.residentId());
    }
    Instant now = Instant.now();
    List<AuditEntry> entries = new ArrayList<>();
    if (!ordinary.isEmpty() || withoutConsent.isEmpty()) {
      entries.add(new AuditEntry(now, viewer.userId(), viewer.login(), action, purpose, "resident", ordinary, clientAddress));
    }
    if (!withoutConsent.isEmpty()) {
      entries.add(new AuditEntry(now, viewer.userId(), viewer.login(), "disclose", purpose, "resident", withoutConsent,
          clientAddress));
    }
    store.record(entries, viewer, sent);
  }
}
