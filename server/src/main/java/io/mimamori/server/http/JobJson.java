package io.mimamori.server.http;

import io.mimamori.server.jobs.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job's state as JSON, the same for every kind of job. */
final class JobJson {

  private JobJson() {}

  static Map<String, Object> describe(Job<?> job) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id());
    m.put("kind", job.kind());
    m.put("state", job.state().code());
    m.put("phase", job.phase());
    m.put("fraction", Math.round(job.fraction() * 1000) / 1000.0);
    m.put("seconds", Math.round(job.seconds() * 10) / 10.0);
    m.put("stop_requested", job.stopWasRequested());
    m.put("created_at", job.createdAt().toString());
    m.put("ended_at", job.endedAt().map(Object::toString).orElse(null));
    m.put("error", job.error().orElse(null));
    return m;
  }
}
