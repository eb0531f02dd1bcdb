package io.mimamori.bench.field;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HQ screen: reads {@code GET /api/events} as a stream and notes, for every event id, when it
 * first arrived (System.nanoTime) and how many times; also how often an id arrived below one seen
 * before (out of order).
 */
final class SseWatcher implements Runnable {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();
  final Map<Long, Integer> times = new ConcurrentHashMap<>();
  final AtomicInteger outOfOrder = new AtomicInteger();
  final AtomicLong maxId = new AtomicLong();
  private final HttpClient http;
  private final String url;
  private final String cookie;
  private volatile InputStream stream;
  private volatile boolean stopped;
  volatile String failure;

  SseWatcher(HttpClient http, String url, String cookie) {
    this.http = http;
    this.url = url;
    this.cookie = cookie;
  }

  @Override
  public void run() {
    try {
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
          .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        failure = "HTTP " + r.statusCode();
        return;
      }
      stream = r.body();
      BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("data: ")) {
          continue;
        }
        long now = System.nanoTime();
        Matcher m = ID.matcher(line);
        if (!m.find()) {
          continue;
        }
        long id = Long.parseLong(m.group(1));
        firstSeen.putIfAbsent(id, now);
        times.merge(id, 1, Integer::sum);
        if (id < maxId.get()) {
          outOfOrder.incrementAndGet();
        }
        maxId.accumulateAndGet(id, Math::max);
      }
    } catch (Exception e) {
      if (!stopped) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }

  void stop() {
    stopped = true;
    try {
      if (stream != null) {
        stream.close();
      }
    } catch (Exception ignored) {
      // closing a stream the server may already have closed
    }
  }
}
