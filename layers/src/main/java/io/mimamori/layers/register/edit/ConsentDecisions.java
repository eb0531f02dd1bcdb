package io.mimamori.layers.register.edit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Consent to share register and plan data in normal times (art. 49-11): given, presumed by the
 * ordinance, refused or unknown, with the date decided. A decision is never changed: a new one is
 * added and the newest is in force (view current_consent). The version of a resident's consent is
 * the number of decisions recorded (0: none yet); a new decision names the version the caller read,
 * and must not be dated before the decision in force (it would not take force). The plan checks of
 * the resident's household are refreshed (consent missing).
 */
public final class ConsentDecisions {

  /**
   * Parameter: resident id. The version, the decision in force as the API shows it (null when
   * there is none), the day it was decided, and both together as a conflict shows them.
   */
  private static final String CURRENT =
      """
      SELECT n.count::int, d.snapshot::text, d.decided_on,
             (jsonb_build_object('version', n.count) || coalesce(d.snapshot, '{}'::jsonb))::text
      FROM (SELECT count(*) FROM consent WHERE resident_id = ?) AS n
      LEFT JOIN LATERAL (
        SELECT jsonb_build_object('state', c.state, 'basis', c.basis, 'decided_on', c.decided_on, 'note', c.note) AS snapshot,
               c.decided_on
        FROM consent c WHERE c.resident_id = ? ORDER BY c.decided_on DESC, c.id DESC LIMIT 1) AS d ON true
      """;

  /** Returns the new decision's id and its snapshot as {@link #CURRENT} shows it. */
  private static final String INSERT =
      """
      INSERT INTO consent (resident_id, state, basis, decided_on, note) VALUES (?, ?, ?, ?::date, ?)
      RETURNING id, jsonb_build_object('state', state, 'basis', basis, 'decided_on', decided_on, 'note', note)::text
      """;

  private final DataSource dataSource;
  private final Clock clock;

  public ConsentDecisions(DataSource dataSource) {
    this(dataSource, Clock.system(RegisterEditStore.JAPAN));
  }

  public ConsentDecisions(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Records a new decision for a resident whose consent version the caller read as
   * {@code expectedVersion}. The same decision as the one in force changes nothing.
   */
  public EditOutcome record(long residentId, int expectedVersion, Map<String, Object> fields, Actor actor)
      throws SQLException {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : fields.keySet()) {
      if (EditableEntities.CONSENT_FIELDS.stream().noneMatch(f -> f.name().equals(name))) {
        String shown = name.matches("[A-Za-z0-9_]{1,40}") ? name : "field";
        throw new EditRejected(shown, shown + " is not a field of consent; fields: state, basis, decided_on, note");
      }
    }
    for (EditableField f : EditableEntities.CONSENT_FIELDS) {
      values.put(f.name(), f.coerce(fields.get(f.name()), today));
    }
    EditableEntities.checkConsent(values);
    return EditTransaction.run(dataSource, c -> {
      Optional<EditOutcome> refused = RegisterEditStore.lockResident(c, residentId, actor);
      if (refused.isPresent()) {
        return refused.get();
      }
      int version;
      String current;
      LocalDate inForceSince;
      String currentJson;
      try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
        ps.setLong(1, residentId);
        ps.setLong(2, residentId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          version = rs.getInt(1);
          current = rs.getString(2);
          inForceSince = rs.getObject(3, LocalDate.class);
          currentJson = rs.getString(4);
        }
      }
      if (version != expectedVersion) {
        return new EditOutcome.Conflict(EditableEntities.CONSENT, residentId, version, currentJson);
      }
      if (inForceSince != null && ((LocalDate) values.get("decided_on")).isBefore(inForceSince)) {
        throw new EditRejected("decided_on", "decided_on must not be before the decision in force ("
            + inForceSince + "): an earlier decision would not take force");
      }
      List<String> changed = changedFields(c, residentId, values);
      if (changed.isEmpty()) {
        return new EditOutcome.Applied(EditableEntities.CONSENT, residentId, version, List.of());
      }
      long consentId;
      String after;
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setLong(1, residentId);
        ps.setString(2, (String) values.get("state"));
        ps.setString(3, (String) values.get("basis"));
        ps.setObject(4, values.get("decided_on"));
        ps.setString(5, (String) values.get("note"));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          consentId = rs.getLong(1);
          after = rs.getString(2);
        }
      }
      List<Long> households = EditTransaction.ids(c, "SELECT household_id FROM resident WHERE id = ?", residentId);
      EditTransaction.finish(c, new EditTransaction.Change("create", EditableEntities.CONSENT, consentId, residentId,
          version + 1, changed, current == null ? "{}" : current, after), actor, households, List.of(), today);
      return new EditOutcome.Applied(EditableEntities.CONSENT, residentId, version + 1, changed);
    });
  }

  /** The fields of the new decision that differ from the one in force (all of them when there is none). */
  private static List<String> changedFields(Connection c, long residentId, Map<String, Object> values)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT state, basis, decided_on, note FROM consent WHERE resident_id = ? ORDER BY decided_on DESC, id DESC LIMIT 1")) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        boolean any = rs.next();
        Object[] stored = any ? new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4)} : new Object[4];
        String[] names = {"state", "basis", "decided_on", "note"};
        for (int i = 0; i < names.length; i++) {
          if (!any ? values.get(names[i]) != null : !Objects.equals(stored[i], values.get(names[i]))) {
            out.add(names[i]);
          }
        }
      }
    }
    return out;
  }
}
