package vn.hocso.lms.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The LMS database. Every value comes from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties, overridden by HOCSO_DB_* environment variables), so
 * switching from the embedded H2 to MySQL needs no file edited.
 */
@DataSourceDefinition(
    name = LmsDataSource.JNDI_NAME,
    className = "${MPCONFIG=hocso.db.datasource-class}",
    url = "${MPCONFIG=hocso.db.url}",
    user = "${MPCONFIG=hocso.db.user}",
    password = "${MPCONFIG=hocso.db.password}",
    minPoolSize = 1,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
public final class LmsDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/hocso";

  private LmsDataSource() {}
}
