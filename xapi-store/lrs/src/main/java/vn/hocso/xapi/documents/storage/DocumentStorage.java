package vn.hocso.xapi.documents.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import vn.hocso.xapi.storage.control.LrsDataSource;

/** Gives the application its {@link DocumentStore}: JDBC on the LRS data source. */
@ApplicationScoped
public class DocumentStorage {

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Produces
  @ApplicationScoped
  DocumentStore documentStore() {
    return new JdbcDocumentStore(dataSource);
  }
}
