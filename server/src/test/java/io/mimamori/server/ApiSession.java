package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A signed-in account on a test server: its session cookie and CSRF token, and JSON calls with both. */
record ApiSession(TestServer server, String login, String cookie, String csrf) {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static ApiSession signIn(TestServer server, String login, String password) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("login", login, "password", password))))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("sign-in of " + login).isEqualTo(200);
    return new ApiSession(server, login, r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0],
        JSON.readTree(r.body()).get("csrf_token").asText());
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, Map<String, ?> body) throws Exception {
    return send(method, path, JSON.writeValueAsString(body));
  }

  /** GETs JSON, asserting 200. */
  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, (String) null);
    assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
