package io.mimamori.data.imports.register;

import io.mimamori.layers.geo.LonLat;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Places addresses that a register file gives without 緯度/経度 and that match no address already
 * known (see {@link KnownAddresses}). mimamori ships none ({@link #NONE}: such rows are rejected
 * with 住所の位置が不明), since it works without any network. A real geocoder can be plugged in here
 * and given to {@link RegisterImporter#RegisterImporter(AddressGeocoder)}: for example one calling
 * the GSI's address search (国土地理院 住所検索 API, {@code https://msearch.gsi.go.jp/address-search/AddressSearch?q=}),
 * or one reading the 位置参照情報 (街区レベル) CSV of the Ministry of Land. It is called once per
 * import, inside the import's transaction, with every address still unplaced; it must not log the
 * addresses (they are personal data) and should give no point rather than a guess.
 */
@FunctionalInterface
public interface AddressGeocoder {

  /** Places nothing: rows without coordinates must match a known address. */
  AddressGeocoder NONE = addresses -> Map.of();

  /** The point of each address it can place, keyed by the address as given; the others are left out. */
  Map<String, LonLat> locate(Set<String> addresses) throws IOException;
}
