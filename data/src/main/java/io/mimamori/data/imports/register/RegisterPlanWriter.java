package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.RegisterColumn.*;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ImportProgress;
import io.mimamori.data.imports.register.RegisterEntry.Person;
import io.mimamori.data.imports.register.RegisterReconciler.HouseholdTarget;
import io.mimamori.data.imports.register.RegisterReconciler.Insert;
import io.mimamori.data.imports.register.RegisterReconciler.Plan;
import io.mimamori.data.imports.register.RegisterReconciler.StatusOnly;
import io.mimamori.data.imports.register.RegisterReconciler.Update;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.NumberedHousehold;
import io.mimamori.layers.register.RegisterImportStore;
import io.mimamori.layers.register.HouseholdUpdate;
import io.mimamori.layers.register.ResidentUpdate;
import io.mimamori.layers.register.StatusChange;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.register.edit.EditableEntities;
import io.mimamori.layers.register.edit.ImportHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a {@link Plan} in the caller's transaction, a chunk at a time: new households, changed
 * households, new residents, changed residents, status changes. An item whose column the file does
 * not have keeps its stored value (or the default, for a new resident); a resident's version is
 * bumped only when a value changed. Each chunk's change history follows it ({@link ImportHistory}:
 * stored rows snapshotted before the chunk's statement, new and changed rows recorded after it).
 */
final class RegisterPlanWriter {

  /** What was written. */
  record Written(int households, int householdsChanged, int inserted, int changed, int unchanged, int statusesChanged,
      int compositionsDefaulted) {}

  private static final int CHUNK = 2_000;

  private final Connection c;
  private final RegisterHeader header;
  private final String municipality;
  private final ImportOptions options;
  private final String file;
  private final ImportHistory history;
  private final LocalDate today = LocalDate.now();
  private long done;
  private long total;

  private RegisterPlanWriter(Connection c, RegisterHeader header, String municipality, ImportOptions options,
      String file, ImportHistory history) {
    this.c = c;
    this.history = history;
    this.header = header;
    this.municipality = municipality;
    this.options = options;
    this.file = file;
  }

  static Written write(Connection c, Plan plan, RegisterHeader header, String municipality, ImportOptions options,
      String file, ImportHistory history) throws SQLException {
    return new RegisterPlanWriter(c, header, municipality, options, file, history).write(plan);
  }

  private Written write(Plan plan) throws SQLException {
    total = plan.households().size() + plan.accepted();
    List<HouseholdTarget> fresh = plan.households().stream().filter(t -> t.stored == null).toList();
    long[] ids = RegisterImportStore.newHouseholdIds(c, fresh.size());
    for (int i = 0; i < fresh.size(); i++) {
      fresh.get(i).id = ids[i];
    }
    int defaulted = (int) fresh.stream().filter(t -> t.compositionDefaulted).count();
    chunked(fresh.stream().map(this::household).toList(), created(EditableEntities.HOUSEHOLD,
        RegisterImportStore::insertHouseholds, h -> h.row().id()));
    List<HouseholdUpdate> householdUpdates = plan.households().stream().filter(t -> t.stored != null)
        .map(t -> new HouseholdUpdate(household(t), t.stored.version())).toList();
    int householdsChanged = chunked(householdUpdates, changed(EditableEntities.HOUSEHOLD,
        RegisterImportStore::updateHouseholds, u -> u.household().row().id()));

    long[] residentIds = RegisterImportStore.newResidentIds(c, plan.inserts().size());
    List<ResidentRow> inserts = new ArrayList<>();
    for (int i = 0; i < plan.inserts().size(); i++) {
      Insert in = plan.inserts().get(i);
      inserts.add(resident(residentIds[i], in.household().id, in.entry(), null));
    }
    int inserted = chunked(inserts, created(EditableEntities.RESIDENT, RegisterImportStore::insertResidents,
        ResidentRow::id));
    List<ResidentUpdate> updates = new ArrayList<>();
    for (Update u : plan.updates()) {
      updates.add(new ResidentUpdate(resident(u.stored().id(), u.household().id, u.entry(), u.stored().row()),
          u.stored().version()));
    }
    int changed = chunked(updates, changed(EditableEntities.RESIDENT, RegisterImportStore::updateResidents,
        u -> u.row().id()));
    List<StatusChange> statuses = new ArrayList<>();
    for (StatusOnly s : plan.statusChanges()) {
      statuses.add(new StatusChange(s.stored().id(), s.entry().change().status(), s.stored().version()));
    }
    int statusesChanged = chunked(statuses, changed(EditableEntities.RESIDENT, RegisterImportStore::setStatuses,
        StatusChange::residentId));
    return new Written(fresh.size(), householdsChanged, inserted, changed, updates.size() - changed, statusesChanged,
        defaulted);
  }

  private NumberedHousehold household(HouseholdTarget t) {
    Integer district = t.stored != null && t.location.equals(t.stored.row().home()) ? t.stored.row().districtId() : null;
    return new NumberedHousehold(t.householdNo, new HouseholdRow(t.id, municipality, district, t.address, t.location,
        t.composition, t.members(), t.familyFrail, t.aloneDaytime));
  }

  /**
   * The resident row to store: the file's items, and for items whose column the file lacks, the
   * stored value ({@code stored} null: the default).
   */
  private ResidentRow resident(long id, long householdId, RegisterEntry e, ResidentRow stored) {
    Person p = e.person();
    boolean kana = header.has(FAMILY_NAME_KANA) || header.has(FULL_NAME_KANA);
    List<String> devices = keep(MEDICAL_DEVICES, p.medicalDevices(), stored, ResidentRow::medicalDevices, List.of());
    boolean vent24 = keep(VENTILATOR_24H, p.ventilator24h(), stored, ResidentRow::ventilator24h, false)
        && devices.contains("ventilator");
    String status = p.status() != null ? p.status() : stored != null ? stored.registerStatus() : "active";
    LocalDate registered = p.registeredOn() != null ? p.registeredOn() : stored != null ? stored.registeredOn() : today;
    return new ResidentRow(id, householdId, municipality, e.registerNo(), p.familyName(), p.givenName(),
        kana ? p.familyNameKana() : stored == null ? null : stored.familyNameKana(),
        kana ? p.givenNameKana() : stored == null ? null : stored.givenNameKana(),
        p.birthDate(), p.sex(),
        keep(PHONE, p.phone(), stored, ResidentRow::phone, null),
        keep(CARE_LEVEL, p.careLevel(), stored, ResidentRow::careLevel, "none"),
        keep(DISABILITY_TYPES, p.disabilityTypes(), stored, ResidentRow::disabilityTypes, List.of()),
        keep(PHYSICAL_GRADE, p.physicalGrade(), stored, ResidentRow::physicalDisabilityGrade, null),
        keep(INTELLECTUAL_GRADE, p.intellectualGrade(), stored, ResidentRow::intellectualDisabilityGrade, null),
        keep(MENTAL_GRADE, p.mentalGrade(), stored, ResidentRow::mentalDisabilityGrade, null),
        keep(SEVERE_MOTOR_INTELLECTUAL, p.severeMotorIntellectual(), stored, ResidentRow::severeMotorIntellectual, false),
        devices, vent24,
        keep(INFO_SUPPORT, p.needsInfoSupport(), stored, ResidentRow::needsInfoSupport, false),
        keep(DECISION_SUPPORT, p.needsDecisionSupport(), stored, ResidentRow::needsDecisionSupport, false),
        keep(SCHOOL_STATUS, p.schoolStatus(), stored, ResidentRow::schoolStatus, "none"),
        status, registered);
  }

  private <V> V keep(RegisterColumn column, V fromFile, ResidentRow stored, Function<ResidentRow, V> storedValue,
      V fallback) {
    if (header.has(column)) {
      return fromFile;
    }
    return stored == null ? fallback : storedValue.apply(stored);
  }

  @FunctionalInterface
  private interface ChunkWrite<T> {
    int write(Connection c, List<T> chunk) throws SQLException;
  }

  /** Inserts a chunk, then records its rows as new. */
  private <T> ChunkWrite<T> created(String entity, ChunkWrite<T> insert, Function<T, Long> id) {
    return (c, chunk) -> {
      int n = insert.write(c, chunk);
      history.created(entity, chunk.stream().map(id).toList());
      return n;
    };
  }

  /** Snapshots a chunk's stored rows, writes the chunk, then records the rows it really changed. */
  private <T> ChunkWrite<T> changed(String entity, ChunkWrite<T> update, Function<T, Long> id) {
    return (c, chunk) -> {
      history.before(entity, chunk.stream().map(id).toList());
      int n = update.write(c, chunk);
      history.changed(entity);
      return n;
    };
  }

  private <T> int chunked(List<T> rows, ChunkWrite<T> write) throws SQLException {
    int n = 0;
    for (int from = 0; from < rows.size(); from += CHUNK) {
      options.checkCancelled(file);
      List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      n += write.write(c, chunk);
      done += chunk.size();
      options.progress().update(file, ImportProgress.Phase.STORING, done, total);
    }
    return n;
  }
}
