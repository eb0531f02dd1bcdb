package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.Field;

/**
 * The field half of the disclosure policy where a resident object is serialised: a copy holding
 * the id and only the keys of the fields the {@link Disclosure} allows. It copies what is allowed
 * rather than deleting what is not, so a key added to the store's JSON is sent to nobody until a
 * {@link Field} names it.
 */
public final class ResidentMask {

  private ResidentMask() {}

  public static ObjectNode apply(JsonNode resident, Disclosure d) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("id", resident.get("id"));
    for (Field f : d.fields()) {
      for (String path : f.paths()) {
        copy(resident, out, path.split("\\."), 0);
      }
    }
    return out;
  }

  private static void copy(JsonNode from, ObjectNode to, String[] path, int i) {
    JsonNode value = from.get(path[i]);
    if (value == null) {
      return;
    }
    if (i == path.length - 1) {
      to.set(path[i], value);
      return;
    }
    if (!value.isObject()) {
      if (!to.has(path[i])) {
        to.set(path[i], value); // a missing part (no plan): null, as the store sent it
      }
      return;
    }
    JsonNode existing = to.get(path[i]);
    ObjectNode child = existing instanceof ObjectNode o ? o : to.putObject(path[i]);
    copy(value, child, path, i + 1);
  }
}
