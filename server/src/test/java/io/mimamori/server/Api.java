package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the integration tests: sign in, then GET and POST with the session and its CSRF token. */
public final class Api {

  /** A signed-in session: the cookie ({@code name=value}) and the CSRF token. */
  public record Session(String login, String cookie, String csrf) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Api(String base) {
    this.base = base;
  }

  public Api(TestServer server) {
    this(server.url(""));
  }

  public Session login(String login, String password) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("login", login, "password", password))))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("login " + login).isEqualTo(200);
    return new Session(login, r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0],
        JSON.readTree(r.body()).get("csrf_token").asText());
  }

  public HttpResponse<String> get(String path, Session session) throws Exception {
    return HTTP.send(request(path, session).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path, Session session) throws Exception {
    return HTTP.send(request(path, session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A server-sent events replay (the stream ends after what the server had). */
  public HttpResponse<String> events(String path, Session session) throws Exception {
    return HTTP.send(request(path, session).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(String method, String path, Session session, String body) throws Exception {
    HttpRequest.Builder b = request(path, session).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, Session session, String body) throws Exception {
    return send("POST", path, session, body);
  }

  private HttpRequest.Builder request(String path, Session session) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (session != null) {
      b.header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrf());
    }
    return b;
  }
}
