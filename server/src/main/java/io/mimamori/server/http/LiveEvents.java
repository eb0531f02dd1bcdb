package io.mimamori.server.http;

import io.javalin.http.sse.SseClient;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.emergency.EventSequence;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.shelterops.ShelterEvent;
import io.mimamori.layers.shelterops.ShelterEventStore;
import io.mimamori.server.auth.Disclosures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events pushed to HQ, dispatcher and supporter screens as server-sent events: safety-check reports
 * ({@code check}) and shelter changes ({@code shelter}: opened, closed, check-ins and check-outs
 * with the occupancy and level after them, transfers), both numbered in one sequence, and tile
 * invalidations ({@code tiles}: the tile layers and the lon/lat box that changed; no id, not
 * replayed: a client that reconnects reloads its tiles). Any instance that stores a report or a
 * shelter change triggers a {@code live_event} notification; every instance, told by its listener
 * ({@link #pushAll}), then reads the new events from the tables in id order and sends each client
 * the ones after the last it has, so a client sees every event once, in order, whichever instance
 * it is connected to. A client that reconnects with {@code Last-Event-ID} first gets what it missed.
 *
 * <p>Each client receives only the check events about residents the disclosure policy shows it,
 * decided when the event is sent (so a dispatcher replaying an ended emergency gets nothing of it,
 * and a supporter only their own people); every batch sent is audited and its disclosures without
 * consent recorded. Shelter and tile events carry no personal data and go to every client.
 */
public final class LiveEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
  private static final int BATCH = 500;

  /** A connected screen: who it is, from where, and the last event id it was sent or skipped. */
  private record Client(Viewer viewer, String address, AtomicLong last) {}

  private final SafetyCheckStore checks;
  private final ShelterEventStore shelters;
  private final Disclosures disclosures;
  private final EventSequence sequence;
  private final Map<SseClient, Client> clients = new ConcurrentHashMap<>();
  public static final String CHANNEL = "live_event";

  public LiveEvents(SafetyCheckStore checks, ShelterEventStore shelters, EventSequence sequence, Disclosures disclosures) {
    this.checks = checks;
    this.shelters = shelters;
    this.sequence = sequence;
    this.disclosures = disclosures;
  }

  /** Sends the events after {@code lastEventId} that {@code viewer} may see, then keeps the client for live events. */
  public void join(SseClient client, Viewer viewer, long lastEventId, boolean replayOnly) {
    Client c = new Client(viewer, client.ctx().ip(), new AtomicLong(lastEventId));
    try {
      catchUp(client, c);
    } catch (SQLException e) {
      log.warn("Could not replay events to a client: {}", e.getSQLState());
    }
    if (replayOnly) {
      return; // the stream ends when the handler returns without keepAlive
    }
    clients.put(client, c);
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    try {
      catchUp(client, c); // events stored while it joined
    } catch (SQLException e) {
      log.warn("Could not replay events to a client: {}", e.getSQLState());
    }
  }

  public int clientCount() {
    return clients.size();
  }

  /** Sends every client the events it does not have yet (on a notification, or after a reconnect). */
  public void pushAll() {
    for (Map.Entry<SseClient, Client> e : clients.entrySet()) {
      try {
        catchUp(e.getKey(), e.getValue());
      } catch (SQLException ex) {
        log.warn("Could not push events: {}", ex.getSQLState());
      } catch (RuntimeException ex) {
        clients.remove(e.getKey());
      }
    }
  }

  /** Tells every client that tiles of {@code layers} within the lon/lat box changed. */
  public void pushTiles(List<String> layers, double minLon, double minLat, double maxLon, double maxLat) {
    if (layers.isEmpty()) {
      return;
    }
    String data = "{\"layers\":[" + String.join(",", layers.stream().map(l -> "\"" + l + "\"").toList())
        + "],\"bbox\":[" + String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", minLon, minLat, maxLon, maxLat) + "]}";
    for (Map.Entry<SseClient, Client> e : clients.entrySet()) {
      try {
        synchronized (e.getValue().last()) {
          e.getKey().sendEvent("tiles", data, null);
        }
      } catch (RuntimeException ex) {
        clients.remove(e.getKey());
      }
    }
  }

  /** Ends every client's stream (they reconnect with Last-Event-ID); for tests of that path. */
  public void disconnectAll() {
    List<SseClient> all = new ArrayList<>(clients.keySet());
    clients.clear();
    all.forEach(SseClient::close);
  }

  private void catchUp(SseClient client, Client c) throws SQLException {
    AtomicLong last = c.last();
    synchronized (last) {
      while (true) {
        long from = last.get();
        // both tables share one numbering: read each only up to where no lower id can still appear
        long horizon = sequence.horizon(from, BATCH);
        if (horizon <= from) {
          return;
        }
        List<SafetyCheckStore.Event> checkEvents = checks.eventsAfter(from, horizon, BATCH);
        List<ShelterEvent> shelterEvents = shelters.eventsAfter(from, horizon, BATCH);
        // a full batch may stop short of the other stream's ids: send only up to where both are complete
        long upTo = horizon;
        if (checkEvents.size() == BATCH) {
          upTo = Math.min(upTo, checkEvents.get(BATCH - 1).id());
        }
        if (shelterEvents.size() == BATCH) {
          upTo = Math.min(upTo, shelterEvents.get(BATCH - 1).id());
        }
        long bound = upTo;
        List<SafetyCheckStore.Event> complete = checkEvents.stream().filter(e -> e.id() <= bound).toList();
        Map<Long, Disclosure> shown = complete.isEmpty() ? Map.of()
            : disclosures.decide(c.viewer(), complete.stream().map(SafetyCheckStore.Event::residentId).distinct().toList());
        List<Outgoing> merged = new ArrayList<>();
        List<Disclosure> disclosed = new ArrayList<>();
        for (SafetyCheckStore.Event e : complete) {
          Disclosure d = shown.get(e.residentId());
          if (d != null && d.allows(Field.SAFETY_CHECKS)) {
            merged.add(new Outgoing(e.id(), "check", checkJson(e)));
            disclosed.add(d);
          }
        }
        for (ShelterEvent e : shelterEvents) {
          if (e.id() <= upTo) {
            merged.add(new Outgoing(e.id(), "shelter", shelterJson(e)));
          }
        }
        if (!disclosed.isEmpty()) {
          disclosures.record(c.viewer(), "read", "live_events", c.address(), disclosed.stream().distinct().toList());
        }
        merged.sort(Comparator.comparingLong(Outgoing::id));
        for (Outgoing o : merged) {
          client.sendEvent(o.type(), o.data(), Long.toString(o.id()));
          last.set(o.id());
        }
        last.set(upTo); // events hidden from this viewer, and rolled-back ids, count as passed
      }
    }
  }

  private record Outgoing(long id, String type, String data) {}

  private static String checkJson(SafetyCheckStore.Event e) {
    return "{\"id\":" + e.id() + ",\"check_id\":" + e.checkId() + ",\"emergency_id\":" + e.emergencyId()
        + ",\"resident_id\":" + e.residentId() + ",\"status\":\"" + e.status() + "\",\"escalated\":" + e.escalated()
        + ",\"reported_at\":\"" + e.reportedAt() + "\"}";
  }

  /** A shelter event: ids, kind and the shelter's state after it; no personal data. */
  static String shelterJson(ShelterEvent e) {
    return "{\"id\":" + e.id() + ",\"shelter_id\":" + e.shelterId() + ",\"emergency_id\":" + e.emergencyId()
        + ",\"kind\":\"" + e.kind() + "\",\"transfer_id\":" + e.transferId() + ",\"open\":" + e.open()
        + ",\"occupied\":" + e.occupied() + ",\"capacity_persons\":" + e.capacityPersons() + ",\"level\":\""
        + e.level().code() + "\",\"level_before\":\"" + e.levelBefore().code() + "\",\"recorded_at\":\""
        + e.recordedAt() + "\"}";
  }

  @Override
  public void close() {
    clients.keySet().forEach(SseClient::close);
  }
}
