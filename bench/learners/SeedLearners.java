import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import vn.hocso.lms.accounts.control.Registration;
import vn.hocso.lms.accounts.control.RegistrationForm;

/**
 * Creates the learners of the Gatling scenario (bench/run-learners.sh) through the real
 * self-registration service, {@code accounts.control.Registration}: the checks, the PBKDF2 password
 * hash, the learner role, her consents and the audit entries, exactly as the page's "Đăng ký" button
 * writes them. Only the page itself and its per-address rate limit are left out. One transaction
 * per learner, as each registration is one request. Learners that exist already are kept, so a
 * second run reuses them.
 *
 * <p>Run on lms-web's class path against the platform's database (after the platform has migrated it
 * and loaded the Union tree): {@code java -cp … bench/learners/SeedLearners.java jdbc=… user=…
 * password=… count=500 prefix=hv-bench- learnerPassword=…}
 */
public class SeedLearners {

  public static void main(String[] args) throws Exception {
    var options = new HashMap<String, String>();
    for (var arg : args) {
      var parts = arg.split("=", 2);
      options.put(parts[0], parts[1]);
    }
    int count = Integer.parseInt(options.getOrDefault("count", "500"));
    var prefix = options.getOrDefault("prefix", "hv-bench-");
    var learnerPassword = options.getOrDefault("learnerPassword", "hoc-so-bench-2026").toCharArray();

    var dataSource = new MysqlDataSource();
    dataSource.setURL(options.get("jdbc"));
    dataSource.setUser(options.getOrDefault("user", "root"));
    dataSource.setPassword(options.getOrDefault("password", ""));
    var properties = new HashMap<String, Object>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", null);
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    properties.put("eclipselink.logging.level", "SEVERE");
    var factory = Persistence.createEntityManagerFactory("hocso", properties);
    try {
      List<Long> communes;
      var em = factory.createEntityManager();
      try {
        // Learners spread over the first 100 open communes by official code (Hà Nội's wards).
        communes =
            em.createQuery(
                    "select u.id from OrgUnit u where u.kind ="
                        + " vn.hocso.lms.units.domain.UnitKind.COMMUNE and u.validTo is null"
                        + " order by u.code",
                    Long.class)
                .setMaxResults(100)
                .getResultList();
      } finally {
        em.close();
      }
      if (communes.isEmpty()) {
        throw new IllegalStateException("No communes: start the platform once first");
      }
      long started = System.nanoTime();
      int created = 0;
      for (int i = 1; i <= count; i++) {
        var username = String.format("%s%05d", prefix, i);
        em = factory.createEntityManager();
        try {
          boolean exists =
              em.createQuery("select count(a) from Account a where a.username = :u", Long.class)
                      .setParameter("u", username)
                      .getSingleResult()
                  > 0;
          if (exists) {
            continue;
          }
          em.getTransaction().begin();
          new Registration(em, Clock.systemUTC())
              .register(
                  new RegistrationForm(
                      "Học viên thử tải " + i,
                      1960 + i % 45,
                      null,
                      communes.get(i % communes.size()),
                      false,
                      username,
                      learnerPassword.clone(),
                      learnerPassword.clone(),
                      true,
                      true,
                      false));
          em.getTransaction().commit();
          created++;
        } finally {
          if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
          }
          em.close();
        }
      }
      System.out.printf(
          "Seeded %d learners through Registration (%d already there) in %.1f s%n",
          created, count - created, (System.nanoTime() - started) / 1e9);
    } finally {
      factory.close();
    }
  }
}
