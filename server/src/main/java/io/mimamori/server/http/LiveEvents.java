package io.mimamori.server.http;

import io.javalin.http.sse.SseClient;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.server.auth.Disclosures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety-check events pushed to HQ, dispatcher and supporter screens as server-sent events. Any
 * instance that stores a report triggers a {@code live_event} notification; every instance, told by
 * its listener ({@link #pushAll}), then reads the new events from the table in id order and sends
 * each client the ones after the last it has, so a client sees every event once, in order,
 * whichever instance it is connected to. A client that reconnects with {@code Last-Event-ID} first
 * gets what it missed.
 *
 * <p>Each client receives only the events about residents the disclosure policy shows it, decided
 * when the event is sent (so a dispatcher replaying an ended emergency gets nothing of it, and a
 * supporter only their own people); every batch sent is audited and its disclosures without
 * consent recorded.
 */
public final class LiveEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
  private static final int BATCH = 500;

  /** A connected screen: who it is, from where, and the last event id it was sent or skipped. */
  private record Client(Viewer viewer, String address, AtomicLong last) {}

  private final SafetyCheckStore store;
  private final Disclosures disclosures;
  private final Map<SseClient, Client> clients = new ConcurrentHashMap<>();
  public static final String CHANNEL = "live_event";

  public LiveEvents(SafetyCheckStore store, Disclosures disclosures) {
    this.store = store;
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

  private void catchUp(SseClient client, Client c) throws SQLException {
    AtomicLong last = c.last();
    synchronized (last) {
      while (true) {
        List<SafetyCheckStore.Event> events = store.eventsAfter(last.get(), BATCH);
        if (events.isEmpty()) {
          return;
        }
        Map<Long, Disclosure> shown = disclosures.decide(c.viewer(),
            events.stream().map(SafetyCheckStore.Event::residentId).distinct().toList());
        List<SafetyCheckStore.Event> sent = new ArrayList<>();
        for (SafetyCheckStore.Event e : events) {
          Disclosure d = shown.get(e.residentId());
          if (d != null && d.allows(Field.SAFETY_CHECKS)) {
            sent.add(e);
          }
        }
        if (!sent.isEmpty()) {
          disclosures.record(c.viewer(), "read", "live_events", c.address(),
              sent.stream().map(e -> shown.get(e.residentId())).distinct().toList());
        }
        for (SafetyCheckStore.Event e : sent) {
          client.sendEvent("check", "{\"id\":" + e.id() + ",\"check_id\":" + e.checkId() + ",\"emergency_id\":"
              + e.emergencyId() + ",\"resident_id\":" + e.residentId() + ",\"status\":\"" + e.status()
              + "\",\"escalated\":" + e.escalated() + ",\"reported_at\":\"" + e.reportedAt() + "\"}", Long.toString(e.id()));
        }
        last.set(events.get(events.size() - 1).id());
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
