package vn.hocso.xapi.statements.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import vn.hocso.xapi.storage.control.LrsDataSource;

/** Gives the application its {@link StatementStore}: JDBC on the LRS data source. */
@ApplicationScoped
public class StatementStorage {

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Produces
  @ApplicationScoped
  StatementStore statementStore() {
    return new JdbcStatementStore(dataSource);
  }
}
