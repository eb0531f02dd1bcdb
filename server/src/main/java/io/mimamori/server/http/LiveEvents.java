package io.mimamori.server.http;

import io.javalin.http.sse.SseClient;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.shelterops.ShelterEvent;
import io.mimamori.layers.shelterops.ShelterEventStore;
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
 * Events pushed to HQ and dispatcher screens as server-sent events: safety-check reports
 * ({@code check}) and shelter changes ({@code shelter}: opened, closed, check-ins and check-outs
 * with the occupancy and level after them, transfers), both numbered in one sequence, and tile
 * invalidations ({@code tiles}: the tile layers and the lon/lat box that changed; no id, not
 * replayed: a client that reconnects reloads its tiles). Any instance that stores a report or a
 * shelter change triggers a {@code live_event} notification; every instance, told by its listener
 * ({@link #pushAll}), then reads the new events from the tables in id order and sends each client
 * the ones after the last it has, so a client sees every event once, in order, whichever instance
 * it is connected to. A client that reconnects with {@code Last-Event-ID} first gets what it missed.
 */
public final class LiveEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
  private static final int BATCH = 500;

  private final SafetyCheckStore checks;
  private final ShelterEventStore shelters;
  private final Map<SseClient, AtomicLong> clients = new ConcurrentHashMap<>();
  public static final String CHANNEL = "live_event";

  public LiveEvents(SafetyCheckStore checks, ShelterEventStore shelters) {
    this.checks = checks;
    this.shelters = shelters;
  }

  /** Sends the events after {@code lastEventId}, then keeps the client for live events. */
  public void join(SseClient client, long lastEventId, boolean replayOnly) {
    AtomicLong last = new AtomicLong(lastEventId);
    try {
      catchUp(client, last);
    } catch (SQLException e) {
      log.warn("Could not replay events to a client: {}", e.getSQLState());
    }
    if (replayOnly) {
      return; // the stream ends when the handler returns without keepAlive
    }
    clients.put(client, last);
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    try {
      catchUp(client, last); // events stored while it joined
    } catch (SQLException e) {
      log.warn("Could not replay events to a client: {}", e.getSQLState());
    }
  }

  public int clientCount() {
    return clients.size();
  }

  /** Sends every client the events it does not have yet (on a notification, or after a reconnect). */
  public void pushAll() {
    for (Map.Entry<SseClient, AtomicLong> e : clients.entrySet()) {
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
    for (Map.Entry<SseClient, AtomicLong> e : clients.entrySet()) {
      try {
        synchronized (e.getValue()) {
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

  private void catchUp(SseClient client, AtomicLong last) throws SQLException {
    synchronized (last) {
      while (true) {
        List<SafetyCheckStore.Event> checkEvents = checks.eventsAfter(last.get(), BATCH);
        List<ShelterEvent> shelterEvents = shelters.eventsAfter(last.get(), BATCH);
        // a full batch may stop short of the other stream's ids: send only up to where both are complete
        long upTo = Long.MAX_VALUE;
        if (checkEvents.size() == BATCH) {
          upTo = Math.min(upTo, checkEvents.get(BATCH - 1).id());
        }
        if (shelterEvents.size() == BATCH) {
          upTo = Math.min(upTo, shelterEvents.get(BATCH - 1).id());
        }
        List<Outgoing> merged = new ArrayList<>();
        for (SafetyCheckStore.Event e : checkEvents) {
          if (e.id() <= upTo) {
            merged.add(new Outgoing(e.id(), "check", checkJson(e)));
          }
        }
        for (ShelterEvent e : shelterEvents) {
          if (e.id() <= upTo) {
            merged.add(new Outgoing(e.id(), "shelter", shelterJson(e)));
          }
        }
        merged.sort(Comparator.comparingLong(Outgoing::id));
        for (Outgoing o : merged) {
          client.sendEvent(o.type(), o.data(), Long.toString(o.id()));
          last.set(o.id());
        }
        if (upTo == Long.MAX_VALUE) {
          return;
        }
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
