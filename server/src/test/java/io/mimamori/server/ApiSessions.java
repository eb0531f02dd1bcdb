package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Signed-in API calls against a test server: one session per login, kept; the CSRF token sent on POST. */
final class ApiSessions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final TestServer server;
  private final String password;
  private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();

  ApiSessions(TestServer server, String password) {
    this.server = server;
    this.password = password;
  }

  /** GET as {@code login} (null: anonymous). */
  HttpResponse<String> get(String path, String login) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
    if (login != null) {
      b.header("Cookie", session(login).get("cookie"));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String login, String body) throws Exception {
    Map<String, String> s = session(login);
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Cookie", s.get("cookie"))
        .header("X-CSRF-Token", s.get("csrf")).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String path, String login, int status) throws Exception {
    HttpResponse<String> r = get(path, login);
    assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  JsonNode postJson(String path, String login, String body, int status) throws Exception {
    HttpResponse<String> r = post(path, login, body);
    assertThat(r.statusCode()).as("POST " + path + " " + body + ": " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  /** Follows {@code /api/events} as {@code login}, adding each event's "type data" line to {@code into}. */
  CompletableFuture<HttpResponse<Stream<String>>> listen(String login, long after, List<String> into) throws Exception {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/api/events?after=" + after)))
        .header("Cookie", session(login).get("cookie")).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
          Thread reader = new Thread(() -> {
            String[] type = {"message"};
            r.body().forEach(l -> {
              if (l.startsWith("event: ")) {
                type[0] = l.substring(7);
              } else if (l.startsWith("data: ")) {
                into.add(type[0] + " " + l.substring(6));
              }
            });
          });
          reader.setDaemon(true);
          reader.start();
          return r;
        });
  }

  private Map<String, String> session(String login) throws Exception {
    Map<String, String> s = sessions.get(login);
    if (s == null) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("login", login, "password", password))))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("login " + login).isEqualTo(200);
      s = Map.of("cookie", r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0],
          "csrf", JSON.readTree(r.body()).get("csrf_token").asText());
      sessions.put(login, s);
    }
    return s;
  }
}
