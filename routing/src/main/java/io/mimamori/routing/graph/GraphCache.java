package io.mimamori.routing.graph;

import io.mimamori.routing.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a built graph lives on disk: one folder per OSM content, named {@code
 * <file name>-<sha-256 of the content, 16 hex>-f<graph format>-<profile fingerprint>}. A folder
 * counts only once it holds the completion marker, written after GraphHopper has flushed; a build
 * happens in a temporary sibling folder and is moved into place, so a crash or a cancel never
 * leaves a half graph where a complete one is expected. When a file's content changes, the folders
 * of its older contents are deleted after the new graph is in place.
 */
final class GraphCache {

  /** Bump when what is stored (GraphHopper version, encoded values, parsers) changes incompatibly. */
  static final int FORMAT = 1;
  static final String MARKER = "mimamori-graph.properties";

  private static final Logger log = LoggerFactory.getLogger(GraphCache.class);

  private GraphCache() {}

  static Path folderFor(Path cacheRoot, Path osm, String contentHash) {
    String name = osm.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return cacheRoot.resolve(name + "-" + contentHash.substring(0, 16) + "-f" + FORMAT + "-" + ProfileModels.fingerprint());
  }

  static boolean isComplete(Path folder) {
    return Files.isRegularFile(folder.resolve(MARKER));
  }

  static void markComplete(Path folder, Path osm, String contentHash, double buildSeconds) throws IOException {
    Properties p = new Properties();
    p.setProperty("source", osm.toAbsolutePath().normalize().toString());
    p.setProperty("sha256", contentHash);
    p.setProperty("format", Integer.toString(FORMAT));
    p.setProperty("profiles", ProfileModels.fingerprint());
    p.setProperty("build_seconds", String.format(java.util.Locale.ROOT, "%.2f", buildSeconds));
    try (var out = Files.newOutputStream(folder.resolve(MARKER))) {
      p.store(out, "mimamori road graph; delete the folder to rebuild");
    }
  }

  static Properties marker(Path folder) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(folder.resolve(MARKER))) {
      p.load(in);
    }
    return p;
  }

  /** Deletes the complete graphs built from earlier contents of {@code osm}, keeping {@code keep}. */
  static void removeStale(Path cacheRoot, Path osm, Path keep) {
    String source = osm.toAbsolutePath().normalize().toString();
    try (Stream<Path> folders = Files.list(cacheRoot)) {
      for (Path f : folders.toList()) {
        if (f.equals(keep) || !Files.isDirectory(f) || !isComplete(f)) {
          continue;
        }
        if (source.equals(marker(f).getProperty("source"))) {
          log.info("deleting the road graph of an earlier version of {}: {}", osm.getFileName(), f.getFileName());
          deleteTree(f);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not clean old road graphs in {}: {}", cacheRoot, e.toString());
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** SHA-256 of a file's content, hex; reports progress between {@code from} and {@code to}. */
  static String sha256Hex(Path file, ProgressListener listener, BooleanSupplier cancelled, double from, double to)
      throws IOException {
    MessageDigest md = sha256();
    long size = Math.max(1, Files.size(file));
    long read = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      int chunks = 0;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
        read += n;
        if (++chunks % 256 == 0) {
          if (cancelled.getAsBoolean()) {
            throw new CancellationException("the road graph build was cancelled");
          }
          listener.progress("checking the OSM file", from + (to - from) * read / size);
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
