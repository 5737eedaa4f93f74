package vn.hocso.lms.units.control;

/**
 * The JPQL that tells whether a unit {@code u} lies in a subtree. The tree is at most five levels
 * deep (Central → province → commune → branch → group), so four parent hops reach the top; one
 * place to change if a level is ever added.
 */
public final class Subtree {

  /** Joins {@code u}'s ancestors as {@code p1} … {@code p4}; append after the alias {@code u}. */
  public static final String ANCESTOR_JOINS =
      " left join u.parent p1 left join p1.parent p2 left join p2.parent p3"
          + " left join p3.parent p4";

  private Subtree() {}

  /** {@code u} is one of the units named by the parameter, or lies below one. */
  public static String within(String parameter) {
    var p = ":" + parameter;
    return "(u.id in "
        + p
        + " or p1.id in "
        + p
        + " or p2.id in "
        + p
        + " or p3.id in "
        + p
        + " or p4.id in "
        + p
        + ")";
  }
}
