package io.mimamori.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals (a request it will not route: an encoded slash or a NUL byte in the path,
 * a malformed request line) answered in the same JSON shape as {@link ErrorResponses}, instead of
 * Jetty's HTML page. The reason is Jetty's fixed wording, never request data.
 */
public final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
      int code, String message) throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json; charset=utf-8");
    response.getOutputStream().write(json(code, message).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    return ByteBuffer.wrap(json(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  private static String json(int code, String reason) {
    String why = reason == null || reason.isBlank() ? "the request could not be read" : reason;
    String message = (code >= 500 ? "The server could not answer this request" : "The request was refused")
        + ": " + why.replaceAll("[^A-Za-z0-9 .,:;_()-]", "?");
    return "{\"status\":" + code + ",\"error\":\"" + (code == 400 ? "bad_request" : "http_error") + "\",\"message\":"
        + Json.string(message) + (code == 400 ? ",\"parameter\":\"path\"" : "") + "}";
  }
}
