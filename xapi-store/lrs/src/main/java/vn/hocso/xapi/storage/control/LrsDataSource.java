package vn.hocso.xapi.storage.control;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The LRS's own database. Every value comes from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties, overridden by LRS_DB_* environment variables), so
 * switching from the embedded H2 to MySQL needs no file edited.
 */
@DataSourceDefinition(
    name = LrsDataSource.JNDI_NAME,
    className = "${MPCONFIG=lrs.db.datasource-class}",
    url = "${MPCONFIG=lrs.db.url}",
    user = "${MPCONFIG=lrs.db.user}",
    password = "${MPCONFIG=lrs.db.password}",
    minPoolSize = 1,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
public final class LrsDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/lrs";

  private LrsDataSource() {}
}
