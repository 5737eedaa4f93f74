package vn.hocso.lms.units.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;

/** The unit browser: an officer's own units and a search within them. */
@Named
@ViewScoped
public class UnitSearchView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject UnitDirectory directory;
  @Inject AccessScope access;

  private String query;
  private List<UnitRow> results = List.of();
  private List<UnitRow> roots = List.of();
  private long total;
  private boolean allowed;

  @PostConstruct
  void init() {
    var scope = access.managed();
    allowed = !scope.isEmpty();
    roots = directory.roots(scope);
  }

  public void search() {
    var scope = access.managed();
    results = directory.search(query, scope, 0, PAGE);
    total = directory.count(query, scope);
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<UnitRow> getResults() {
    return results;
  }

  public List<UnitRow> getRoots() {
    return roots;
  }

  public long getTotal() {
    return total;
  }

  public boolean isAllowed() {
    return allowed;
  }

  public boolean isTruncated() {
    return total > results.size();
  }
}
