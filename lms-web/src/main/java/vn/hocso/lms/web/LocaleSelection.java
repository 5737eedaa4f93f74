package vn.hocso.lms.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/** The visitor's language: Vietnamese first, English on request. */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final Set<String> SUPPORTED = Set.of("vi", "en");

  private Locale locale = VIETNAMESE;

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  /** Switches language; an unsupported tag leaves the language as it was. */
  public void switchTo(String language) {
    if (language != null && SUPPORTED.contains(language)) {
      locale = Locale.forLanguageTag(language);
    }
  }
}
