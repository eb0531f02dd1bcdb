package io.mimamori.server.cli;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import java.io.Console;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code mimamori user add LOGIN --role ROLE[,ROLE] [--name NAME] [--municipality CODE]
 * [--district ID] [--supporter ID] [--shelter ID]}: creates an account ({@code --shelter} limits
 * a shelter staff role to that shelter). The password is read twice from the
 * console, or taken from {@code MIMAMORI_NEW_PASSWORD}; with neither, a random one is generated
 * and printed once. Passwords go to the terminal only, never to the log.
 */
final class AccountCommands {

  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom random = new SecureRandom();

  private AccountCommands() {}

  static int run(DataSource ds, List<String> args, PrintStream out) throws SQLException {
    if (args.isEmpty() || !args.get(0).equals("add") || args.size() < 2) {
      throw new IllegalArgumentException("usage: mimamori user add LOGIN --role ROLE[,ROLE] [--name NAME] "
          + "[--municipality CODE] [--district ID] [--supporter ID] [--shelter ID]");
    }
    String login = args.get(1);
    Map<String, String> opts = CliOptions.parse(args.subList(2, args.size()),
        List.of("role", "name", "municipality", "district", "supporter", "shelter"));
    String roles = opts.get("role");
    if (roles == null) {
      throw new IllegalArgumentException("--role is required; roles: " + Arrays.stream(Role.values()).map(Role::code).toList());
    }
    Integer district = opts.containsKey("district") ? CliOptions.integer(opts, "district") : null;
    Long supporter = opts.containsKey("supporter") ? (long) CliOptions.integer(opts, "supporter") : null;
    Long shelter = opts.containsKey("shelter") ? (long) CliOptions.integer(opts, "shelter") : null;
    List<RoleGrant> grants = new ArrayList<>();
    for (String code : roles.split(",")) {
      Role role = Role.fromCode(code.trim()).orElseThrow(() -> new IllegalArgumentException(
          "unknown role '" + code + "'; roles: " + Arrays.stream(Role.values()).map(Role::code).toList()));
      if (shelter != null && role != Role.SHELTER_STAFF) {
        throw new IllegalArgumentException("--shelter limits the shelter_staff role only; it cannot go with " + role.code());
      }
      grants.add(new RoleGrant(role, district, role == Role.SUPPORTER ? supporter : null, shelter));
    }
    char[] password = password(out);
    boolean generated = password == null;
    if (generated) {
      password = randomPassword();
    }
    new AccountStore(ds).create(login, opts.getOrDefault("name", login), new PasswordHasher().hash(password),
        opts.getOrDefault("municipality", "222038"), grants);
    out.println("Created " + login + " (" + roles + ")" + (generated ? "; password (shown once): " + new String(password) : ""));
    return 0;
  }

  /** A generated password: 20 characters from an alphabet without look-alikes (about 116 bits). */
  static char[] randomPassword() {
    char[] p = new char[20];
    for (int i = 0; i < p.length; i++) {
      p[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return p;
  }

  private static char[] password(PrintStream out) {
    String fromEnv = System.getenv("MIMAMORI_NEW_PASSWORD");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      return null;
    }
    char[] first = console.readPassword("Password (at least %d characters, empty to generate one): ",
        PasswordHasher.MINIMUM_LENGTH);
    if (first == null || first.length == 0) {
      return null;
    }
    char[] second = console.readPassword("Again: ");
    if (!Arrays.equals(first, second)) {
      throw new IllegalArgumentException("the two passwords differ");
    }
    return first;
  }
}
