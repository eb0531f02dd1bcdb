package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.mimamori.layers.shelterops.ShelterOpsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: a JSON body {@code {"status", "error",
 * "message", "parameter"?, "request_id"?}}. Client errors say what to correct (a shelter operation
 * refused by the state of its records is 404 or 409); server errors say
 * only that it failed and give an id that matches the log line (whose message never carries
 * request data).
 */
public final class ErrorResponses {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  public static void install(Javalin app) {
    app.exception(BadRequest.class, (e, ctx) -> {
      Map<String, Object> body = body(400, "bad_request", e.getMessage());
      body.put("parameter", e.parameter());
      ctx.status(400).json(body);
    });
    app.exception(ShelterOpsException.class, (e, ctx) -> {
      switch (e.kind()) {
        case NOT_FOUND -> ctx.status(404).json(body(404, "not_found", e.getMessage()));
        case CONFLICT -> ctx.status(409).json(body(409, "conflict", e.getMessage()));
        case INVALID -> {
          Map<String, Object> body = body(400, "bad_request", e.getMessage());
          body.put("parameter", e.field());
          ctx.status(400).json(body);
        }
      }
    });
    app.exception(HttpResponseException.class, (e, ctx) ->
        ctx.status(e.getStatus()).json(body(e.getStatus(), "http_error", e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      String id = UUID.randomUUID().toString();
      log.atError()
          .setMessage("Request failed")
          .addKeyValue("request_id", id)
          .addKeyValue("method", ctx.method().name())
          .addKeyValue("route", route(ctx))
          .addKeyValue("exception", e.getClass().getName())
          .setCause(e)
          .log();
      Map<String, Object> body = body(500, "internal_error", "The server could not answer this request.");
      body.put("request_id", id);
      ctx.status(500).json(body);
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.path().startsWith("/api/")) {
        ctx.json(body(404, "not_found", "No resource at " + ctx.path()));
      }
    });
    app.error(405, ctx -> ctx.json(body(405, "method_not_allowed", ctx.method().name() + " is not allowed on " + ctx.path())));
  }

  /** The matched route pattern; none when the failure came before routing (a before-handler). */
  private static String route(io.javalin.http.Context ctx) {
    try {
      return ctx.endpointHandlerPath();
    } catch (IllegalStateException notMatched) {
      return "-";
    }
  }

  private static Map<String, Object> body(int status, String error, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", error);
    m.put("message", message);
    return m;
  }

}
