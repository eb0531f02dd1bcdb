package io.mimamori.server;

import io.mimamori.server.cli.Commands;

/** {@code java -jar mimamori-server.jar <command>}: see {@link Commands} for the commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Commands.run(args));
  }
}
