package io.mimamori.layers.imports;

import java.time.OffsetDateTime;

/** One row of import_run as read back: what was imported, when, and with what outcome. */
public record ImportRun(
    long id,
    String kind,
    String fileName,
    OffsetDateTime finishedAt,
    ImportReport.Outcome outcome,
    int rowsRead,
    int rowsStored,
    int rowsRejected,
    String message) {}
