package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.RegisterColumn.*;

import io.mimamori.data.imports.register.RegisterCsvReader.RegisterFile;
import io.mimamori.data.imports.register.RegisterEntry.Home;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.register.RegisterImportStore;
import io.mimamori.layers.register.StoredHousehold;
import io.mimamori.layers.register.StoredResident;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Meets a register file with the stored register, inside the import's transaction and lock, and
 * decides what each row does, without writing: insert, update or status change; the rows that
 * cannot be applied (新規 for a stored number, 転出/死亡/施設入所/変更 for an unknown one, an entry
 * changed since the file was exported, the same person already stored under another number, a
 * home that cannot be placed) become rejections; and which household each resident lives in.
 *
 * <p>Households: rows with the same 世帯番号 share one household, the stored one of that number if
 * there is one (or, for a resident whose stored household has no number yet, that household, which
 * takes the number). A row without 世帯番号 keeps its resident's stored household when the address
 * is the same or the resident lives there alone (the household is updated), else moves into a new
 * one; a new resident without a number gets a household of their own.
 */
final class RegisterReconciler {

  /** A household the import writes: a stored one to update, or a new one ({@code stored} null). */
  static final class HouseholdTarget {
    final StoredHousehold stored;
    String householdNo;
    String address;
    LonLat location;
    String composition;
    Integer memberCount;
    boolean familyFrail;
    boolean aloneDaytime;
    boolean compositionDefaulted;
    int newcomers;
    long id;

    HouseholdTarget(StoredHousehold stored) {
      this.stored = stored;
      this.id = stored == null ? 0 : stored.id();
      this.householdNo = stored == null ? null : stored.householdNo();
    }

    /** Takes the household's items from a row; items the file does not give keep the stored (or default) value. */
    void fill(String number, Home home) {
      if (number != null) {
        householdNo = number;
      }
      address = home.address();
      location = home.location();
      composition = home.composition() != null ? home.composition() : stored != null ? stored.row().composition() : null;
      if (composition == null) {
        composition = "with_family";
        compositionDefaulted = true;
      }
      memberCount = home.memberCount();
      familyFrail = home.familyFrail() != null ? home.familyFrail() : stored != null && stored.row().familyFrail();
      aloneDaytime = home.aloneDaytime() != null ? home.aloneDaytime() : stored != null && stored.row().aloneDaytime();
    }

    /**
     * The member count to store: 1 when alone; else as the file gives it; else the stored count,
     * raised to the registered residents living here after the import (an estimate when residents
     * also move out in the same file).
     */
    int members() {
      if (composition.equals("alone")) {
        return 1;
      }
      if (memberCount != null) {
        return memberCount;
      }
      int registered = (stored == null ? 0 : stored.residents()) + newcomers;
      return Math.min(30, Math.max(stored == null ? 1 : stored.row().memberCount(), registered));
    }
  }

  record Insert(RegisterEntry entry, HouseholdTarget household) {}

  record Update(RegisterEntry entry, StoredResident stored, HouseholdTarget household) {}

  record StatusOnly(RegisterEntry entry, StoredResident stored) {}

  record Plan(List<Insert> inserts, List<Update> updates, List<StatusOnly> statusChanges,
      List<HouseholdTarget> households, List<Rejection> rejections, int locatedByKnownAddress, int locatedByGeocoder) {

    int accepted() {
      return inserts.size() + updates.size() + statusChanges.size();
    }
  }

  private final Connection c;
  private final RegisterFile file;
  private final RegisterHeader header;
  private final String municipality;
  private final List<Rejection> rejections = new ArrayList<>();

  private RegisterReconciler(Connection c, RegisterFile file, String municipality) {
    this.c = c;
    this.file = file;
    this.header = file.header();
    this.municipality = municipality;
  }

  static Plan plan(Connection c, RegisterFile file, String municipality, AddressGeocoder geocoder)
      throws SQLException, IOException {
    return new RegisterReconciler(c, file, municipality).plan(geocoder);
  }

  private Plan plan(AddressGeocoder geocoder) throws SQLException, IOException {
    Map<String, StoredResident> stored = RegisterImportStore.residentsByRegisterNo(c, municipality,
        file.entries().stream().map(RegisterEntry::registerNo).toList());
    List<StatusOnly> statusChanges = new ArrayList<>();
    List<RegisterEntry> people = new ArrayList<>();
    for (RegisterEntry e : file.entries()) {
      StoredResident s = stored.get(e.registerNo());
      RegisterChange change = e.change();
      if (change == RegisterChange.NEW && s != null) {
        reject(e, REGISTER_NO, "already on the register: 新規 needs a new 名簿番号 (変更 changes a stored entry)");
      } else if (change != null && change != RegisterChange.NEW && s == null) {
        reject(e, REGISTER_NO, "not on the register of municipality " + municipality + ": " + change.wording()
            + " needs a stored entry");
      } else if (e.version() != null && s != null && e.version() != s.version()) {
        reject(e, VERSION, "the entry was changed after this file was made (更新回数 is now " + s.version()
            + "): export it again and redo the change");
      } else if (change != null && change.statusOnly()) {
        statusChanges.add(new StatusOnly(e, s));
      } else {
        people.add(e);
      }
    }
    people = withoutStoredDuplicates(people, stored);
    int[] located = new int[2];
    people = located(people, geocoder, located);
    List<Insert> inserts = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    List<HouseholdTarget> households = households(people, stored, inserts, updates);
    rejections.sort(java.util.Comparator.comparingInt(Rejection::row));
    return new Plan(inserts, updates, statusChanges, households, rejections, located[0], located[1]);
  }

  /**
   * Rejects new entries (numbers not stored) whose person (name, date of birth, address) is stored
   * under another number that this file does not hold.
   */
  private List<RegisterEntry> withoutStoredDuplicates(List<RegisterEntry> people, Map<String, StoredResident> stored)
      throws SQLException {
    Set<LocalDate> births = new HashSet<>();
    people.stream().filter(e -> !stored.containsKey(e.registerNo())).forEach(e -> births.add(e.person().birthDate()));
    Map<String, StoredResident> byIdentity = new HashMap<>();
    for (StoredResident s : RegisterImportStore.residentsBornOn(c, municipality, births)) {
      if (!file.numbersInFile().contains(s.registerNo())) {
        byIdentity.putIfAbsent(JapaneseText.nameKey(s.row().familyName(), s.row().givenName()) + "|"
            + s.row().birthDate() + "|" + JapaneseText.addressKey(s.householdAddress()), s);
      }
    }
    List<RegisterEntry> kept = new ArrayList<>();
    for (RegisterEntry e : people) {
      StoredResident same = stored.containsKey(e.registerNo()) ? null
          : byIdentity.get(e.person().identity() + "|" + e.home().addressKey());
      if (same != null) {
        reject(e, header.has(FULL_NAME) ? FULL_NAME : FAMILY_NAME,
            "the same person (name, date of birth and address) is already on the register as 名簿番号 " + same.registerNo());
      } else {
        kept.add(e);
      }
    }
    return kept;
  }

  /** Gives every row a home point: its own, a known address's, or the geocoder's; else rejects it. */
  private List<RegisterEntry> located(List<RegisterEntry> people, AddressGeocoder geocoder, int[] counts)
      throws SQLException, IOException {
    Set<String> needed = new LinkedHashSet<>();
    for (RegisterEntry e : people) {
      if (e.home().location() == null) {
        needed.add(e.home().addressKey());
      }
    }
    KnownAddresses.Placed placed = KnownAddresses.place(c, needed, file.entries());
    Set<String> unplaced = new LinkedHashSet<>();
    for (RegisterEntry e : people) {
      if (e.home().location() == null && !placed.points().containsKey(e.home().addressKey())
          && !placed.ambiguous().contains(e.home().addressKey())) {
        unplaced.add(e.home().address());
      }
    }
    Map<String, LonLat> geocoded = unplaced.isEmpty() ? Map.of() : geocoder.locate(unplaced);
    List<RegisterEntry> kept = new ArrayList<>();
    for (RegisterEntry e : people) {
      Home home = e.home();
      if (home.location() != null) {
        kept.add(e);
      } else if (placed.points().containsKey(home.addressKey())) {
        kept.add(e.withHome(home.withLocation(placed.points().get(home.addressKey()))));
        counts[0]++;
      } else if (geocoded.get(home.address()) != null) {
        kept.add(e.withHome(home.withLocation(geocoded.get(home.address()))));
        counts[1]++;
      } else if (placed.ambiguous().contains(home.addressKey())) {
        reject(e, ADDRESS, "住所の位置が不明: the address is known at several places; give 緯度 and 経度");
      } else {
        reject(e, ADDRESS, "住所の位置が不明: no 緯度/経度 given and the address matches no known address");
      }
    }
    return kept;
  }

  private List<HouseholdTarget> households(List<RegisterEntry> people, Map<String, StoredResident> stored,
      List<Insert> inserts, List<Update> updates) throws SQLException {
    Set<String> numbers = new LinkedHashSet<>();
    Set<Long> ids = new LinkedHashSet<>();
    for (RegisterEntry e : people) {
      if (e.home().householdNo() != null) {
        numbers.add(e.home().householdNo());
      }
      StoredResident s = stored.get(e.registerNo());
      if (s != null) {
        ids.add(s.row().householdId());
      }
    }
    Map<String, StoredHousehold> byNumber = new HashMap<>();
    Map<Long, StoredHousehold> byId = new HashMap<>();
    for (StoredHousehold h : RegisterImportStore.households(c, municipality, numbers, ids)) {
      byId.put(h.id(), h);
      if (h.householdNo() != null) {
        byNumber.put(h.householdNo(), h);
      }
    }
    for (StoredHousehold h : byId.values()) {
      if (h.householdNo() == null) {
        byNumber.putIfAbsent("H" + h.id(), h);
      }
    }
    Map<String, HouseholdTarget> byFileNumber = new HashMap<>();
    Map<Long, HouseholdTarget> byStoredId = new LinkedHashMap<>();
    List<HouseholdTarget> fresh = new ArrayList<>();
    for (RegisterEntry e : people) {
      StoredResident s = stored.get(e.registerNo());
      String no = e.home().householdNo();
      HouseholdTarget t;
      if (no != null) {
        t = byFileNumber.get(no);
        if (t == null) {
          StoredHousehold h = byNumber.get(no);
          if (h == null && s != null && s.householdNo() == null && !byStoredId.containsKey(s.row().householdId())) {
            h = byId.get(s.row().householdId()); // the resident's unnumbered household takes the file's number
          }
          t = h == null ? newTarget(fresh) : byStoredId.computeIfAbsent(h.id(), k -> new HouseholdTarget(byId.get(k)));
          t.fill(no, e.home());
          byFileNumber.put(no, t);
        }
      } else if (s != null) {
        StoredHousehold current = byId.get(s.row().householdId());
        boolean sameHome = Objects.equals(JapaneseText.addressKey(current.row().address()), e.home().addressKey());
        if (sameHome || current.residents() == 1) {
          boolean first = !byStoredId.containsKey(current.id());
          t = byStoredId.computeIfAbsent(current.id(), k -> new HouseholdTarget(current));
          if (first) {
            t.fill(null, e.home());
          }
        } else {
          t = newTarget(fresh);
          t.fill(null, e.home());
        }
      } else {
        t = newTarget(fresh);
        t.fill(null, e.home());
      }
      if (s == null || s.row().householdId() != t.id || t.stored == null) {
        t.newcomers++;
      }
      if (s == null) {
        inserts.add(new Insert(e, t));
      } else {
        updates.add(new Update(e, s, t));
      }
    }
    List<HouseholdTarget> all = new ArrayList<>(byStoredId.values());
    all.addAll(fresh);
    return all;
  }

  private static HouseholdTarget newTarget(List<HouseholdTarget> fresh) {
    HouseholdTarget t = new HouseholdTarget(null);
    fresh.add(t);
    return t;
  }

  private void reject(RegisterEntry e, RegisterColumn c, String reason) {
    rejections.add(new Rejection(file.file(), e.row(), header.headerOf(c), reason + " (line " + e.line() + ")"));
  }
}
