package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;

/**
 * Checks every request before its route, so that bad input is a 4xx naming what to fix whichever
 * endpoint it reaches, and never a 5xx from the database: a body over the size limit is 413; a
 * query or path parameter holding a control character (a NUL byte, which PostgreSQL refuses in
 * text, or a line break smuggled into a log or a CSV) is 400 naming the parameter; a JSON body
 * holding an escaped NUL character is 400 naming the body.
 */
public final class RequestGuard {

  private final long maxBodyBytes;

  public RequestGuard(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public void install(Javalin app) {
    app.before(this::check);
  }

  private void check(Context ctx) {
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw new HttpResponseException(413, "The request body is larger than " + maxBodyBytes + " bytes.");
    }
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      for (String v : p.getValue()) {
        if (hasControlCharacter(v)) {
          throw new BadRequest(printable(p.getKey()), printable(p.getKey()) + " holds a control character");
        }
      }
    }
    if (hasControlCharacter(ctx.path())) {
      throw new BadRequest("path", "the path holds a control character");
    }
    String method = ctx.method().name();
    boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    String type = ctx.contentType();
    if (hasBody && type != null && type.toLowerCase().startsWith("application/json")) {
      String body = ctx.body(); // cached by Javalin: the route reads the same bytes
      if (body.contains("\\u0000") || body.indexOf('\u0000') >= 0) {
        throw new BadRequest("body", "strings in the body may not hold a NUL character (\\u0000)");
      }
    }
  }

  static boolean hasControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** A parameter name fit to echo in a message: letters, digits and _ only. */
  private static String printable(String name) {
    String p = name.replaceAll("[^A-Za-z0-9_]", "?");
    return p.length() > 40 ? p.substring(0, 40) : p;
  }
}
