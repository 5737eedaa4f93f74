package vn.hocso.xapi.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.storage.control.LrsSchema;
import vn.hocso.xapi.version.XapiVersion;

/**
 * Creates or updates the first client at start, from lrs.bootstrap.key / lrs.bootstrap.secret
 * (LRS_BOOTSTRAP_KEY / LRS_BOOTSTRAP_SECRET), with scope {@code all} and {@code hocso/clients}: so
 * an installation and its tests can call the LRS, and create the other clients over REST, without a
 * prior manual step. When the database is not there yet, the authentication filter asks again until
 * it is.
 */
@Singleton
@Startup
@DependsOn("LrsSchema")
@TransactionManagement(TransactionManagementType.BEAN) // the registry commits its own work
// Every request asks ensure(): with the container's default write lock all requests would pass
// through it one at a time; after the first success it only reads a volatile flag.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClientBootstrap {

  private static final Logger LOG = Logger.getLogger(ClientBootstrap.class.getName());

  @Inject LrsSchema schema;
  @Inject ClientRegistry registry;

  @Inject
  @ConfigProperty(name = "lrs.bootstrap.key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "lrs.bootstrap.secret")
  Optional<String> secret;

  /** The xAPI version the bootstrap client speaks (LRS_BOOTSTRAP_VERSION), 2.0.0 by default. */
  @Inject
  @ConfigProperty(name = "lrs.bootstrap.version")
  Optional<String> version;

  private volatile boolean done;

  @PostConstruct
  void atStart() {
    ensure();
  }

  /**
   * Saves the bootstrap client once the schema is there; cheap after the first success. Returns
   * whether it is done, so callers can stop asking.
   */
  public boolean ensure() {
    if (!done) {
      synchronized (this) {
        ensureOnce();
      }
    }
    return done;
  }

  private static XapiVersion speaks(String text) {
    return XapiVersion.named(text)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "LRS_BOOTSTRAP_VERSION (lrs.bootstrap.version) is "
                        + text
                        + ": use 1.0.3 or 2.0.0"));
  }

  private void ensureOnce() {
    if (done) {
      return;
    }
    if (key.isEmpty() || secret.isEmpty()) {
      done = true;
      return;
    }
    var speaks = version.filter(text -> !text.isBlank()).map(ClientBootstrap::speaks);
    if (schema.migrateIfNeeded().isPresent()) {
      return; // the readiness check reports the database; try again at the next request
    }
    registry.save(
        key.get(),
        secret.get(),
        EnumSet.of(Scope.ALL, Scope.MANAGE_CLIENTS),
        speaks); // unset: a new client speaks 2.0.0, an existing one keeps what it was given
    done = true;
    LOG.info(() -> "LRS client " + key.get() + " bootstrapped with scopes all and hocso/clients");
  }
}
