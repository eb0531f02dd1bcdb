package io.mimamori.data.imports;

import io.mimamori.data.imports.csv.CsvReader;
import io.mimamori.data.imports.gsi.GsiShelterReader;
import io.mimamori.data.imports.kumamoto.KumamotoPortalReader;
import io.mimamori.data.imports.plateau.PlateauHazardReader;
import io.mimamori.data.imports.register.AddressGeocoder;
import io.mimamori.data.imports.register.RegisterHeader;
import io.mimamori.data.imports.register.RegisterImporter;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of {@code mimamori import <file or folder>...}: tells each file's format from
 * its name and first bytes, runs the matching {@link Importer}, and returns one
 * {@link ImportReport} per file. Folders are walked (sorted, recursively) for .geojson, .json,
 * .csv and .gml files, so a PLATEAU {@code udx} folder can be given whole. A CSV whose header
 * names a 名簿番号 and a 生年月日 (UTF-8 or Shift_JIS) is a register file ({@link RegisterImporter}).
 */
public final class Importers {

  /** The formats there is an importer for. */
  public enum Format {
    /** GSI 指定緊急避難場所 / 指定避難所 GeoJSON, per municipality or nationwide. */
    GSI_SHELTERS,
    /** Kumamoto prefecture 防災ポータル shelters with capacities (CSV). */
    KUMAMOTO_PORTAL,
    /** PLATEAU hazard CityGML: tsunami, flood, storm surge, inland flood, landslide. */
    PLATEAU_HAZARD,
    /** A municipality's register of residents needing support (避難行動要支援者名簿 CSV), full or delta. */
    REGISTER
  }

  private static final Logger log = LoggerFactory.getLogger(Importers.class);
  private static final Set<String> EXTENSIONS = Set.of("geojson", "json", "csv", "gml");
  private static final int SNIFF_BYTES = 1 << 16;

  private final DataSource dataSource;
  private final RegisterImporter registerImporter;

  public Importers(DataSource dataSource) {
    this(dataSource, AddressGeocoder.NONE);
  }

  /** With a geocoder for register rows whose address matches no known one. */
  public Importers(DataSource dataSource, AddressGeocoder geocoder) {
    this.dataSource = dataSource;
    this.registerImporter = new RegisterImporter(geocoder);
  }

  /** The importer of one format (for callers that know what they hold); the register has {@link RegisterImporter}. */
  public static Importer<?> importerFor(Format format) {
    return switch (format) {
      case GSI_SHELTERS -> Importer.shelters("gsi", GsiShelterReader::read);
      case KUMAMOTO_PORTAL -> Importer.shelters(KumamotoPortalReader.KIND, KumamotoPortalReader::read);
      case PLATEAU_HAZARD -> Importer.hazards(PlateauHazardReader.KIND, PlateauHazardReader::read);
      case REGISTER -> throw new IllegalArgumentException("the register is imported by RegisterImporter");
    };
  }

  /** Imports each file, and each importable file under each folder, in order; one report per file. */
  public List<ImportReport> importAll(List<Path> paths, ImportOptions options) {
    List<ImportReport> reports = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : expand(path)) {
        options.checkCancelled(file.toString());
        reports.add(importFile(file, options));
      }
    }
    return reports;
  }

  /** Imports one file; a file of no known format, or missing, gives a FAILED report (also recorded). */
  public ImportReport importFile(Path file, ImportOptions options) {
    String name = Importer.fileName(file);
    Optional<Format> format;
    try {
      format = detect(file);
    } catch (IOException e) {
      return record(new ImportReport("unknown", name, Outcome.FAILED, 0, 0, List.of(),
          name + ": cannot be opened (" + e.getClass().getSimpleName() + ")"));
    }
    if (format.isEmpty()) {
      return record(new ImportReport("unknown", name, Outcome.FAILED, 0, 0, List.of(),
          name + ": not a format mimamori imports; expected GSI shelter GeoJSON (emergency_*/evacuation_*/mergeFromCity_*),"
              + " the Kumamoto portal shelter CSV, PLATEAU hazard CityGML (tnm/fld/htd/ifld/lsld), or a register CSV"
              + " (名簿番号, 生年月日, ...)"));
    }
    if (format.get() == Format.REGISTER) {
      return registerImporter.run(dataSource, file, options);
    }
    return importerFor(format.get()).run(dataSource, file, options);
  }

  /** The format of a file, from its name and its first 64 KiB; empty when it is none we import. */
  public static Optional<Format> detect(Path file) throws IOException {
    String name = Importer.fileName(file).toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    String head;
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SNIFF_BYTES);
      head = new String(bytes, StandardCharsets.UTF_8);
    }
    String start = head.replaceFirst("^\uFEFF", "").stripLeading();
    if (start.startsWith("{") || extension.equals("geojson") || extension.equals("json")) {
      boolean gsiName = GsiShelterReader.listTypeFromFileName(name).isPresent();
      return start.startsWith("{") && (gsiName || head.contains("\"共通ID\""))
          ? Optional.of(Format.GSI_SHELTERS) : Optional.empty();
    }
    if (start.startsWith("<")) {
      return head.contains("CityModel") ? Optional.of(Format.PLATEAU_HAZARD) : Optional.empty();
    }
    String firstLine = start.lines().findFirst().orElse("");
    if (firstLine.contains("portal_shelter_id")) {
      return Optional.of(Format.KUMAMOTO_PORTAL);
    }
    if (isRegisterHeader(firstLine) || isRegisterHeader(firstLine(new String(bytes, TextEncoding.SHIFT_JIS)))) {
      return Optional.of(Format.REGISTER);
    }
    return Optional.empty();
  }

  private static String firstLine(String text) {
    return text.replaceFirst("^\uFEFF", "").stripLeading().lines().findFirst().orElse("");
  }

  private static boolean isRegisterHeader(String line) {
    try (CsvReader csv = new CsvReader(new StringReader(line))) {
      List<String> header = csv.next();
      return header != null && RegisterHeader.looksLikeRegister(header);
    } catch (IOException e) {
      return false;
    }
  }

  /** A file as itself; a folder as its importable files, sorted, at any depth. */
  static List<Path> expand(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> EXTENSIONS.contains(extension(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + path, e);
    }
  }

  private static String extension(Path p) {
    String n = Importer.fileName(p).toLowerCase(Locale.ROOT);
    return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
  }

  private ImportReport record(ImportReport report) {
    log.info("{}", report.summary());
    try {
      new ImportRunStore(dataSource).record(report);
    } catch (SQLException e) {
      log.warn("Could not record the import run of {}", report.file());
    }
    return report;
  }
}
