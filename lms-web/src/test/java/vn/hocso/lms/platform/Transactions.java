package vn.hocso.lms.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/** Runs work in one resource-local transaction, as a container would around a service call. */
public final class Transactions {

  private Transactions() {}

  public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      var result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
