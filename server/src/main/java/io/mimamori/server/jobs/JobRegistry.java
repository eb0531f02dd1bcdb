package io.mimamori.server.jobs;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's background jobs (welfare pre-assignments, route optimisations): starts them on
 * threads of its own, finds them by an unguessable id, and forgets them: a job that has ended is
 * kept {@code keepFinished} for its client to fetch, and at most {@code maxKept} ended jobs are
 * kept at all (the oldest go first). No more than {@code maxRunning} run at once; one more is
 * refused with {@link TooManyJobs} rather than queued, so a client is never left waiting on work
 * that has not begun. Jobs live in this server instance's memory only: what must outlast them
 * (published routes) is written to the database by the client's next step.
 */
public final class JobRegistry implements AutoCloseable {

  /** Refused: {@code maxRunning} jobs are running. */
  public static final class TooManyJobs extends RuntimeException {
    TooManyJobs(int running) {
      super(running + " jobs are running, the most this server runs at once; wait for one to end or stop one");
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration keepFinished;
  private final int maxRunning;
  private final int maxKept;
  private final Map<String, Job<?>> jobs = new ConcurrentHashMap<>();
  private final ExecutorService executor;

  public JobRegistry(Duration keepFinished, int maxRunning, int maxKept) {
    if (maxRunning < 1 || maxKept < 1) {
      throw new IllegalArgumentException("maxRunning and maxKept must be at least 1");
    }
    this.keepFinished = keepFinished;
    this.maxRunning = maxRunning;
    this.maxKept = maxKept;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "job-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts {@code work} as a job of {@code kind} for the account {@code ownerId}.
   *
   * @throws TooManyJobs when {@code maxRunning} jobs are running
   */
  public synchronized <R> Job<R> start(String kind, long ownerId, Job.Work<R> work) {
    sweep();
    long running = jobs.values().stream().filter(j -> !j.state().ended()).count();
    if (running >= maxRunning) {
      throw new TooManyJobs((int) running);
    }
    byte[] raw = new byte[16];
    RANDOM.nextBytes(raw);
    Job<R> job = new Job<>(HexFormat.of().formatHex(raw), kind, ownerId);
    jobs.put(job.id(), job);
    executor.execute(() -> job.run(work));
    return job;
  }

  /** The job with this id and kind, if it is kept. */
  @SuppressWarnings("unchecked")
  public <R> Optional<Job<R>> find(String id, String kind) {
    sweep();
    Job<?> job = jobs.get(id);
    return job == null || !job.kind().equals(kind) ? Optional.empty() : Optional.of((Job<R>) job);
  }

  /** Every job kept, newest first. */
  public List<Job<?>> list() {
    sweep();
    return jobs.values().stream().sorted(Comparator.comparing((Job<?> j) -> j.createdAt()).reversed()).toList();
  }

  /** Forgets ended jobs older than {@code keepFinished}, then the oldest ended ones beyond {@code maxKept}. */
  synchronized void sweep() {
    Instant cutoff = Instant.now().minus(keepFinished);
    jobs.values().removeIf(j -> j.endedAt().map(t -> t.isBefore(cutoff)).orElse(false));
    List<Job<?>> ended = jobs.values().stream().filter(j -> j.state().ended())
        .sorted(Comparator.comparing(j -> j.endedAt().orElseThrow())).toList();
    for (int i = 0; i < ended.size() - maxKept; i++) {
      jobs.remove(ended.get(i).id());
    }
  }

  /** Asks every running job to stop and lets the threads go. */
  @Override
  public void close() {
    jobs.values().forEach(Job::stop);
    executor.shutdown();
  }
}
