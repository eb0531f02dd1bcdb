package io.mimamori.bench.tiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One {@code wrk} run over a list of tile paths. Each wrk thread has one connection and its own
 * slice of the list (every {@code threads}-th path), which its Lua script walks in order; the
 * script times every request itself (LuaJIT's FFI {@code gettimeofday}) and wrk's {@code done}
 * writes the per-thread figures to a file that this class reads. So the latencies are the raw
 * closed-loop ones (no coordinated-omission correction) and the rate is requests over the time from
 * the first request sent to the last answer received.
 *
 * <p>In {@link Mode#ONE_PASS} every path is requested exactly once: a thread stops when its slice is
 * done and this class then interrupts wrk (SIGINT ends its sleep early; it still reports). In
 * {@link Mode#LOOP} the threads cycle over their slices for the given duration.
 */
public final class WrkRun {

  public enum Mode { ONE_PASS, LOOP }

  /**
   * The outcome of a run (or of several taken together): request count, the seconds they took,
   * every latency in microseconds (sorted), answers other than 200, wraps over the list, body bytes.
   */
  public record Result(long requests, double seconds, long[] sortedUs, long notOk, long wraps, long bytes) {
    public double perSecond() {
      return requests / seconds;
    }

    public double meanBytes() {
      return requests == 0 ? 0 : (double) bytes / requests;
    }

    public double p50Ms() {
      return percentile(sortedUs, 0.50);
    }

    public double p99Ms() {
      return percentile(sortedUs, 0.99);
    }

    public double maxMs() {
      return sortedUs.length == 0 ? 0 : sortedUs[sortedUs.length - 1] / 1000.0;
    }

    /** Several runs as one: requests and seconds added, latencies pooled. */
    public static Result merge(List<Result> runs) {
      long requests = 0;
      double seconds = 0;
      long notOk = 0;
      long wraps = 0;
      long bytes = 0;
      long[] all = new long[runs.stream().mapToInt(r -> r.sortedUs.length).sum()];
      int at = 0;
      for (Result r : runs) {
        requests += r.requests;
        seconds += r.seconds;
        notOk += r.notOk;
        wraps += r.wraps;
        bytes += r.bytes;
        System.arraycopy(r.sortedUs, 0, all, at, r.sortedUs.length);
        at += r.sortedUs.length;
      }
      Arrays.sort(all);
      return new Result(requests, seconds, all, notOk, wraps, bytes);
    }
  }

  private static final String SCRIPT =
      """
      -- Written by io.mimamori.bench.tiles.WrkRun: one connection per thread, each thread walks its
      -- own slice of the path list and times each request itself.
      local ffi = require("ffi")
      ffi.cdef[[
      typedef struct { long tv_sec; long tv_usec; } bench_timeval;
      int gettimeofday(bench_timeval *tv, void *tz);
      ]]
      local tv = ffi.new("bench_timeval")
      local function now_us()
        ffi.C.gettimeofday(tv, nil)
        return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
      end

      local threads = {}
      local next_id = 0
      function setup(thread)
        thread:set("id", next_id)
        next_id = next_id + 1
        table.insert(threads, thread)
      end

      function init(args)
        local n = tonumber(args[2])
        paths = {}
        local i = 0
        for line in io.lines(args[1]) do
          if i % n == id then paths[#paths + 1] = line end
          i = i + 1
        end
        one_pass = args[3] == "pass"
        marker = args[4] .. "/done-" .. id
        cursor = 1
        latencies = {}
        bad = 0
        wraps = 0
        bytes = 0
        first_us = 0
        last_us = 0
      end

      function request()
        started = now_us()
        return wrk.format("GET", paths[cursor])
      end

      function response(status, headers, body)
        local t = now_us()
        if first_us == 0 then first_us = started end
        latencies[#latencies + 1] = t - started
        last_us = t
        bytes = bytes + #body
        if status ~= 200 then bad = bad + 1 end
        cursor = cursor + 1
        if cursor > #paths then
          if one_pass then
            local f = io.open(marker, "w")
            f:write("done\\n")
            f:close()
            wrk.thread:stop()
            return
          end
          cursor = 1
          wraps = wraps + 1
        end
      end

      function done(summary, latency, requests)
        local out = io.open(os.getenv("TILEBENCH_WRK_OUT"), "w")
        for _, t in ipairs(threads) do
          local lat = t:get("latencies")
          out:write(string.format("thread %d %.0f %.0f %d %d %d %.0f\\n", t:get("id"), t:get("first_us"),
              t:get("last_us"), #lat, t:get("bad"), t:get("wraps"), t:get("bytes")))
          for _, v in ipairs(lat) do
            out:write(string.format("%.0f\\n", v))
          end
        end
        out:close()
      end
      """;

  private WrkRun() {}

  /**
   * Runs wrk against {@code baseUrl} over the paths in {@code pathList} (one per line).
   *
   * @param maxSeconds the run's duration in {@link Mode#LOOP}; the cap in {@link Mode#ONE_PASS}
   * @param header an extra request header ("Name: value"), if any
   */
  public static Result run(PeerTools tools, Path workDir, String baseUrl, Path pathList, int threads, Mode mode,
      int maxSeconds, Optional<String> header) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path script = workDir.resolve("tiles.lua");
    Files.writeString(script, SCRIPT);
    Path markers = Files.createTempDirectory(workDir, "markers");
    Path out = workDir.resolve("wrk-result.txt");
    Files.deleteIfExists(out);
    List<String> cmd = new ArrayList<>(List.of(tools.wrk().toString(), "-t", String.valueOf(threads), "-c",
        String.valueOf(threads), "-d", maxSeconds + "s", "--timeout", "60s", "-s", script.toString()));
    header.ifPresent(h -> {
      cmd.add("-H");
      cmd.add(h);
    });
    cmd.addAll(List.of(baseUrl, "--", pathList.toString(), String.valueOf(threads),
        mode == Mode.ONE_PASS ? "pass" : "loop", markers.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("wrk.log").toFile());
    pb.environment().put("TILEBENCH_WRK_OUT", out.toString());
    Process wrk = pb.start();
    if (mode == Mode.ONE_PASS) {
      while (wrk.isAlive()) {
        long finished;
        try (var files = Files.list(markers)) {
          finished = files.count();
        }
        if (finished >= threads) {
          // SIGINT ends wrk's sleep; it then joins its (stopped) threads and reports
          new ProcessBuilder("kill", "-INT", String.valueOf(wrk.pid())).start().waitFor();
        }
        Thread.sleep(100);
      }
    }
    int rc = wrk.waitFor();
    if (rc != 0 || !Files.exists(out)) {
      throw new IllegalStateException("wrk failed (exit " + rc + "); see " + workDir.resolve("wrk.log"));
    }
    try (var files = Files.list(markers)) {
      files.forEach(f -> f.toFile().delete());
    }
    Files.delete(markers);
    return read(out);
  }

  static Result read(Path out) throws IOException {
    long firstUs = Long.MAX_VALUE;
    long lastUs = 0;
    long bad = 0;
    long wraps = 0;
    long bytes = 0;
    List<long[]> perThread = new ArrayList<>();
    long[] current = null;
    int filled = 0;
    int total = 0;
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (line.startsWith("thread ")) {
        String[] f = line.split(" ");
        long first = Long.parseLong(f[2]);
        long last = Long.parseLong(f[3]);
        int n = Integer.parseInt(f[4]);
        if (n > 0) {
          firstUs = Math.min(firstUs, first);
          lastUs = Math.max(lastUs, last);
        }
        bad += Long.parseLong(f[5]);
        wraps += Long.parseLong(f[6]);
        bytes += Long.parseLong(f[7]);
        current = new long[n];
        filled = 0;
        perThread.add(current);
        total += n;
      } else if (!line.isBlank() && current != null) {
        current[filled++] = Long.parseLong(line.trim());
      }
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] t : perThread) {
      System.arraycopy(t, 0, all, at, t.length);
      at += t.length;
    }
    Arrays.sort(all);
    double seconds = total == 0 ? 0 : (lastUs - firstUs) / 1e6;
    return new Result(total, seconds, all, bad, wraps, bytes);
  }

  /** The nearest-rank percentile of sorted microseconds, in milliseconds. */
  static double percentile(long[] sortedUs, double p) {
    if (sortedUs.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sortedUs.length);
    return sortedUs[Math.max(0, Math.min(sortedUs.length - 1, rank - 1))] / 1000.0;
  }
}
