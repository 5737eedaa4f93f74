package vn.hocso.xapi.activities.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import vn.hocso.xapi.storage.control.LrsDataSource;

/** Gives the application its {@link JdbcActivityStore} on the LRS data source. */
@ApplicationScoped
public class ActivityStorage {

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  /**
   * Dependent (unproxied): the store is a small stateless class without a no-argument constructor.
   */
  @Produces
  JdbcActivityStore activityStore() {
    return new JdbcActivityStore(dataSource);
  }
}
