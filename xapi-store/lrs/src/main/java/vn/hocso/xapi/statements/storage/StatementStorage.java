package vn.hocso.xapi.statements.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import vn.hocso.xapi.outbox.control.StatementStreamConnection;
import vn.hocso.xapi.storage.control.LrsDataSource;

/** Gives the application its {@link StatementStore}: JDBC on the LRS data source. */
@ApplicationScoped
public class StatementStorage {

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject StatementStreamConnection stream;

  /**
   * Outbox rows are written only while a broker is configured: without one, readers use the
   * statements query and nothing would ever empty the outbox.
   */
  @Produces
  @ApplicationScoped
  StatementStore statementStore() {
    return new JdbcStatementStore(dataSource, stream.publisher().isPresent());
  }
}
