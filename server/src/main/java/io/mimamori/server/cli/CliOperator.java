package io.mimamori.server.cli;

import io.mimamori.data.imports.register.ImportOperator;
import io.mimamori.layers.account.Account;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Who runs a register import or export from the command line, for the audit log: the account
 * named by {@code --operator=LOGIN} (an enabled admin or planner account), else the
 * operating-system user ({@code cli:<user>}).
 */
final class CliOperator {

  static final String OPTION = "--operator=";

  private CliOperator() {}

  static ImportOperator resolve(DataSource ds, String login) throws SQLException {
    if (login == null) {
      return ImportOperator.osUser();
    }
    Account a = new AccountStore(ds).findByLogin(login)
        .orElseThrow(() -> new IllegalArgumentException("--operator: there is no account '" + login
            + "' (create one with: mimamori user add LOGIN --role admin)"));
    if (a.disabled() || !(a.has(Role.ADMIN) || a.has(Role.PLANNER))) {
      throw new IllegalArgumentException("--operator: '" + login + "' is not an enabled admin or planner account");
    }
    return new ImportOperator(a.id(), a.login());
  }
}
