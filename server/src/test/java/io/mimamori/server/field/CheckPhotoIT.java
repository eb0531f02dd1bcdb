package io.mimamori.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.server.TestServer;
import io.mimamori.server.field.FieldDrill.Drill;
import io.mimamori.server.field.FieldDrill.FieldWorker;
import io.mimamori.server.field.FieldDrill.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Photos of a check through HTTP: a supporter adds one to a check on their route, once per key,
 * within the size limit and only as an image; HQ lists and reads them (audited); nobody else's
 * supporter may add one and a supporter may not read them back.
 */
class CheckPhotoIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;
  private static FieldDrill drill;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("check photos");
    drill = new FieldDrill(server.database().dataSource(), server.url(""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSupporterAddsAPhotoOnceAndHqReadsIt() throws Exception {
    Drill d = drill.declare(2);
    FieldWorker a = drill.supporter("photo.a");
    FieldWorker b = drill.supporter("photo.b");
    drill.publish(d, a, List.of(d.checkIds().get(0)));
    drill.publish(d, b, List.of(d.checkIds().get(1)));
    Session sa = drill.login("photo.a");
    Session sb = drill.login("photo.b");
    Session hq = drill.login(drill.hqLogin());
    long check = d.checkIds().get(0);
    byte[] jpeg = jpeg(40_000);

    HttpResponse<String> first = upload(check, sa, "image/jpeg", jpeg, "photo-key-0001");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode stored = JSON.readTree(first.body());
    assertThat(stored.get("bytes").asInt()).isEqualTo(jpeg.length);
    HttpResponse<String> again = upload(check, sa, "image/jpeg", jpeg, "photo-key-0001");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(stored.get("id").asLong());
    assertThat(count("SELECT count(*) FROM check_photo WHERE safety_check_id = " + check)).isEqualTo(1);

    assertThat(upload(check, sb, "image/jpeg", jpeg, "photo-key-0002").statusCode()).as("not their check").isEqualTo(403);
    assertThat(upload(check, sa, "application/json", "{}".getBytes(), "photo-key-0003").statusCode()).isEqualTo(415);
    assertThat(upload(check, sa, "image/png", jpeg, "photo-key-0004").statusCode()).as("not a PNG").isEqualTo(400);
    assertThat(upload(check, sa, "image/jpeg", jpeg(900_001), "photo-key-0005").statusCode()).isEqualTo(413);
    assertThat(upload(check, sa, "image/jpeg", jpeg, "short").statusCode()).isEqualTo(400);
    assertThat(upload(check, sa, "image/jpeg", jpeg(900_000), "photo-key-0006").statusCode()).as("at the limit").isEqualTo(201);

    long readsBefore = count("SELECT count(*) FROM audit_log WHERE action = 'read' AND purpose = 'safety_check'");
    JsonNode list = JSON.readTree(get("/api/checks/" + check + "/photos", hq).body());
    assertThat(list.get("photos")).hasSize(2);
    HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.url("/api/photos/" + stored.get("id").asLong()))).header("Cookie", hq.cookie()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(bytes.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(Arrays.equals(bytes.body(), jpeg)).isTrue();
    assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'read' AND purpose = 'safety_check'"))
        .as("the list and the photo are reads of personal data").isEqualTo(readsBefore + 2);
    assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'update' AND user_id = " + a.userId()
        + " AND " + d.residentIds().get(0) + " = ANY (record_ids)")).isEqualTo(3);

    assertThat(get("/api/checks/" + check + "/photos", sa).statusCode()).isEqualTo(403);
    assertThat(get("/api/photos/" + stored.get("id").asLong(), sa).statusCode()).isEqualTo(403);
    assertThat(get("/api/photos/999999", hq).statusCode()).isEqualTo(404);
  }

  /** Bytes that start like a JPEG file (enough for the server's check; nobody decodes them). */
  static byte[] jpeg(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    b[0] = (byte) 0xff;
    b[1] = (byte) 0xd8;
    b[2] = (byte) 0xff;
    return b;
  }

  private static HttpResponse<String> upload(long check, Session s, String type, byte[] body, String key) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/checks/" + check + "/photos")))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type).header("Idempotency-Key", key)
        .header("X-Client-Time", "2026-11-22T03:00:00Z")
        .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, Session s) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Cookie", s.cookie())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(String sql) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
