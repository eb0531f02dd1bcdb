package io.mimamori.server.cli;

import io.mimamori.layers.disclosure.RetentionStore;
import io.mimamori.server.DisclosureRetention;
import io.mimamori.server.config.ServerConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code mimamori retention purge [--retention-days=N]}: purges the disclosure records (and the
 * routes published to supporters) of every emergency that ended more than the retention period
 * ago; the audit log names the operating-system user who ran it. Prints what went, by emergency.
 */
final class RetentionCommand {

  static final List<String> OPTIONS = List.of("retention-days");

  private RetentionCommand() {}

  static int run(DataSource ds, ServerConfig config, List<String> args, PrintStream out) throws Exception {
    if (args.isEmpty() || !args.get(0).equals("purge")) {
      throw new IllegalArgumentException("usage: mimamori retention purge [--retention-days=N]");
    }
    Map<String, String> opts = CliOptions.parse(args.subList(1, args.size()), OPTIONS);
    Duration retention = config.disclosureRetention();
    if (opts.containsKey("retention-days")) {
      int days = CliOptions.integer(opts, "retention-days");
      if (days < 0 || days > 3650) {
        throw new IllegalArgumentException("--retention-days must be 0..3650, got " + days);
      }
      retention = Duration.ofDays(days);
    }
    String operator = "cli:" + System.getProperty("user.name", "unknown");
    List<RetentionStore.Purge> purged = new DisclosureRetention(new RetentionStore(ds), retention).purgeNow(operator);
    if (purged.isEmpty()) {
      out.println("Nothing to purge: no emergency that ended more than " + retention.toDays() + " days ago has records left.");
      return 0;
    }
    for (RetentionStore.Purge p : purged) {
      out.println("emergency " + p.emergencyId() + ": " + p.grants() + " disclosure records of " + p.residentIds().size()
          + " residents and " + p.routes() + " published routes purged");
    }
    out.println("Written to the audit log as " + operator + ".");
    return 0;
  }
}
