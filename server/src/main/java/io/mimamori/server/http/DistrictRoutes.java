package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.layers.district.DistrictStore;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/districts}: the town's districts as {@code [{"id", "name"}]}, by name, for the
 * planner's district filter. Names of places, not personal data: open like {@code /api/town}.
 */
public final class DistrictRoutes {

  private final DistrictStore districts;

  public DistrictRoutes(DistrictStore districts) {
    this.districts = districts;
  }

  public void register(Javalin app) {
    app.get("/api/districts", this::list);
  }

  private void list(Context ctx) throws SQLException {
    List<Map<String, Object>> body = districts.list().stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id());
      m.put("name", d.name());
      return m;
    }).toList();
    ctx.json(body);
  }
}
