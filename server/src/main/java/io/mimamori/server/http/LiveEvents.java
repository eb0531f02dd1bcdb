package io.mimamori.server.http;

import io.javalin.http.sse.SseClient;
import io.mimamori.layers.emergency.SafetyCheckStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety-check events pushed to HQ and dispatcher screens as server-sent events. Any instance that
 * stores a report triggers a {@code live_event} notification; every instance, told by its listener
 * ({@link #pushAll}), then reads the new events from the table in id order and sends each client the ones after the last it has, so a
 * client sees every event once, in order, whichever instance it is connected to. A client that
 * reconnects with {@code Last-Event-ID} first gets what it missed.
 */
public final class LiveEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
  private static final int BATCH = 500;

  private final SafetyCheckStore store;
  private final Map<SseClient, AtomicLong> clients = new ConcurrentHashMap<>();
  public static final String CHANNEL = "live_event";

  public LiveEvents(SafetyCheckStore store) {
    this.store = store;
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

  private void catchUp(SseClient client, AtomicLong last) throws SQLException {
    synchronized (last) {
      while (true) {
        List<SafetyCheckStore.Event> events = store.eventsAfter(last.get(), BATCH);
        for (SafetyCheckStore.Event e : events) {
          client.sendEvent("check", "{\"id\":" + e.id() + ",\"check_id\":" + e.checkId() + ",\"emergency_id\":"
              + e.emergencyId() + ",\"resident_id\":" + e.residentId() + ",\"status\":\"" + e.status()
              + "\",\"escalated\":" + e.escalated() + ",\"reported_at\":\"" + e.reportedAt() + "\"}", Long.toString(e.id()));
          last.set(e.id());
        }
        if (events.size() < BATCH) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    clients.keySet().forEach(SseClient::close);
  }
}
