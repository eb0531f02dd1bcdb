package io.mimamori.data.imports;

import io.mimamori.layers.imports.Rejection;
import java.util.List;

/**
 * What a reader made of one file, before anything is stored: the valid records, one rejection per
 * bad row or feature (numbered from 1), how many rows were read, and short notes for the report
 * (counts only, never row contents). {@code kind} names the list (for example
 * {@code gsi_evacuation_sites}); {@code source} is the value the records carry in their source
 * column, which a re-import of the same file replaces.
 */
public record ReadResult<T>(
    String kind, String file, String source, int rowsRead, List<T> records, List<Rejection> rejections,
    List<String> notes) {

  public ReadResult {
    records = List.copyOf(records);
    rejections = List.copyOf(rejections);
    notes = List.copyOf(notes);
  }

  public boolean clean() {
    return rejections.isEmpty();
  }
}
