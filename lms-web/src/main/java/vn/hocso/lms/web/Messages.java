package vn.hocso.lms.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ResourceBundle;

/** The UI strings in the visitor's language, for beans that add messages. */
@RequestScoped
public class Messages {

  public static final String BUNDLE = "vn.hocso.lms.web.messages";

  @Inject LocaleSelection localeSelection;

  public String get(String key) {
    return ResourceBundle.getBundle(BUNDLE, localeSelection.getLocale()).getString(key);
  }
}
