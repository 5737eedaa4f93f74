package vn.hocso.xapi.auth.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.auth.entity.RegisteredClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.AuthenticationRequiredException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.storage.control.LrsDataSource;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The clients of the LRS and the check of their credentials. Hashes are slow on purpose, so a
 * successful check is remembered for a while, keyed by a SHA-256 of key and secret (the secret
 * itself is never kept); saving a client forgets what was remembered.
 */
@ApplicationScoped
public class ClientRegistry {

  private static final Duration REMEMBERED = Duration.ofMinutes(10);
  private static final int MAX_REMEMBERED = 10_000;

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  private final ConcurrentHashMap<String, Remembered> verified = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<
          String, java.util.concurrent.CompletableFuture<Optional<LrsClient>>>
      verifying = new ConcurrentHashMap<>();

  /** Counts changes of clients, so a check running across a change is not remembered. */
  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();

  /** For CDI. */
  public ClientRegistry() {}

  public ClientRegistry(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private record Remembered(LrsClient client, long untilNanos) {}

  /** The client these credentials belong to, or a 401 saying why not. */
  public LrsClient authenticate(Optional<BasicCredentials> credentials) {
    var given =
        credentials.orElseThrow(
            () ->
                new AuthenticationRequiredException(
                    "This resource needs HTTP Basic credentials of an LRS client (xAPI 2.0 Part 3"
                        + " §4)"));
    var cacheKey = sha256(given.key() + '\u0000' + given.secret());
    var remembered = verified.get(cacheKey);
    if (remembered != null && remembered.untilNanos() - System.nanoTime() > 0) {
      return remembered.client();
    }
    long generation = changes.get();
    var client =
        verifyOnce(cacheKey, given)
            .orElseThrow(
                () -> new AuthenticationRequiredException("Unknown client key or wrong secret"));
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear(); // crude bound; re-verifying costs one hash per client
    }
    verified.put(cacheKey, new Remembered(client, System.nanoTime() + REMEMBERED.toNanos()));
    if (changes.get() != generation) {
      verified.remove(cacheKey); // a client changed while we checked: do not remember the old one
    }
    return client;
  }

  /**
   * Checks these credentials, once for all requests carrying them at the same moment: when many
   * connections of one client start together (the benchmark's eight, a class of learners) each
   * would otherwise compute the slow hash on the same two cores.
   */
  private Optional<LrsClient> verifyOnce(String cacheKey, BasicCredentials given) {
    var mine = new java.util.concurrent.CompletableFuture<Optional<LrsClient>>();
    var running = verifying.putIfAbsent(cacheKey, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      var result = verify(given);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      verifying.remove(cacheKey, mine);
    }
  }

  private Optional<LrsClient> verify(BasicCredentials given) {
    try (var connection = dataSource.getConnection();
        var select =
            connection.prepareStatement(
                "select secret_hash, scopes, authority_json, xapi_version from lrs_client"
                    + " where client_key = ?")) {
      select.setString(1, given.key());
      try (var rows = select.executeQuery()) {
        if (!rows.next() || !SecretHashing.matches(given.secret(), rows.getString(1))) {
          return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(rows.getString(3)))) {
          return Optional.of(
              new LrsClient(
                  given.key(),
                  Scope.parseAll(rows.getString(2)),
                  reader.readObject(),
                  speaks(rows.getString(4))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS database did not answer", e);
    }
  }

  /** Creates the client or gives it a new secret and scopes. */
  public void save(String key, String secret, Set<Scope> scopes) {
    save(key, secret, scopes, Optional.empty());
  }

  /**
   * Creates the client or gives it a new secret and scopes, and the xAPI version it speaks when
   * given (a new client without one speaks 2.0.0; an existing one keeps its own).
   */
  public void save(String key, String secret, Set<Scope> scopes, Optional<XapiVersion> speaks) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("A client secret must not be empty");
    }
    write(key, Optional.of(secret), scopes, speaks);
  }

  /**
   * Gives an existing client new scopes and, when present, a new secret. Returns false if there is
   * no such client.
   */
  public boolean update(String key, Optional<String> secret, Set<Scope> scopes) {
    return update(key, secret, scopes, Optional.empty());
  }

  /** As {@link #update(String, Optional, Set)}, and the version it speaks when given. */
  public boolean update(
      String key, Optional<String> secret, Set<Scope> scopes, Optional<XapiVersion> speaks) {
    if (find(key).isEmpty()) {
      return false;
    }
    write(key, secret, scopes, speaks);
    return true;
  }

  /** The client with this key, without its secret. */
  public Optional<RegisteredClient> find(String key) {
    var found = select("where client_key = ?", key, 1, 0);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** One page of the clients, by key. */
  public List<RegisteredClient> list(int limit, int offset) {
    return select("", null, limit, offset);
  }

  /** How many clients there are. */
  public long count() {
    try (var connection = dataSource.getConnection();
        var rows = connection.createStatement().executeQuery("select count(*) from lrs_client")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS database did not answer", e);
    }
  }

  /**
   * Removes the client; its credentials stop working at once. The statements it wrote keep their
   * authority. Returns false if there was no such client.
   */
  public boolean delete(String key) {
    try (var connection = dataSource.getConnection();
        var delete = connection.prepareStatement("delete from lrs_client where client_key = ?")) {
      delete.setString(1, key);
      var deleted = delete.executeUpdate() > 0;
      changes.incrementAndGet();
      verified.clear();
      return deleted;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete LRS client " + key, e);
    }
  }

  private List<RegisteredClient> select(String where, String key, int limit, int offset) {
    var sql =
        "select client_key, scopes, authority_json, xapi_version, updated_micros from lrs_client "
            + where
            + " order by client_key limit ? offset ?";
    try (var connection = dataSource.getConnection();
        var select = connection.prepareStatement(sql)) {
      var index = 1;
      if (key != null) {
        select.setString(index++, key);
      }
      select.setInt(index++, limit);
      select.setInt(index, offset);
      var clients = new ArrayList<RegisteredClient>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          try (var reader = Json.createReader(new StringReader(rows.getString(3)))) {
            clients.add(
                new RegisteredClient(
                    rows.getString(1),
                    Scope.parseAll(rows.getString(2)),
                    reader.readObject(),
                    speaks(rows.getString(4)),
                    rows.getLong(5)));
          }
        }
      }
      return clients;
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS database did not answer", e);
    }
  }

  private static XapiVersion speaks(String stored) {
    return XapiVersion.named(stored).orElse(XapiVersion.V2_0_0);
  }

  private void write(
      String key, Optional<String> secret, Set<Scope> scopes, Optional<XapiVersion> speaks) {
    var client = new LrsClient(key, scopes, LrsClient.defaultAuthority(key));
    var hash = secret.map(SecretHashing::hash);
    var scopeText = scopes.stream().map(Scope::text).sorted().collect(Collectors.joining(" "));
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var update =
          connection.prepareStatement(
              "update lrs_client set secret_hash = coalesce(?, secret_hash), scopes = ?,"
                  + " xapi_version = coalesce(?, xapi_version), updated_micros = ?"
                  + " where client_key = ?")) {
        update.setString(1, hash.orElse(null));
        update.setString(2, scopeText);
        update.setString(3, speaks.map(XapiVersion::text).orElse(null));
        update.setLong(4, Timestamps.nowMicros());
        update.setString(5, key);
        if (update.executeUpdate() == 0 && hash.isPresent()) {
          try (var insert =
              connection.prepareStatement(
                  "insert into lrs_client (client_key, secret_hash, scopes, authority_json,"
                      + " xapi_version, updated_micros) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, hash.get());
            insert.setString(3, scopeText);
            insert.setString(4, client.authority().toString());
            insert.setString(5, speaks.orElse(XapiVersion.V2_0_0).text());
            insert.setLong(6, Timestamps.nowMicros());
            insert.executeUpdate();
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save LRS client " + key, e);
    }
    changes.incrementAndGet();
    verified.clear();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
