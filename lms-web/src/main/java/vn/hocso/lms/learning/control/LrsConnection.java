package vn.hocso.lms.learning.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.client.RetryPolicy;
import vn.hocso.xapi.client.XapiClient;

/**
 * The LMS's client of the LRS (hocso.lrs.url, with the credentials hocso.lrs.key / .secret, env
 * HOCSO_LRS_KEY / _SECRET). No retries inside the client: delivery retries on its own schedule and
 * a page read falls back at once rather than keep a learner waiting.
 */
@ApplicationScoped
public class LrsConnection {

  private static final Logger LOG = Logger.getLogger(LrsConnection.class.getName());

  @Inject
  @ConfigProperty(name = "hocso.lrs.url", defaultValue = "http://localhost:8080/xapi/")
  String url;

  @Inject
  @ConfigProperty(name = "hocso.lrs.key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "hocso.lrs.secret")
  Optional<String> secret;

  private XapiClient client;

  @PostConstruct
  void connect() {
    var builder =
        XapiClient.builder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.none());
    if (key.isPresent() && secret.isPresent()) {
      builder.basicAuth(key.get(), secret.get());
    } else {
      LOG.warning(
          "No LRS credentials (HOCSO_LRS_KEY, HOCSO_LRS_SECRET): learning statements will wait"
              + " in the queue until they are set");
    }
    client = builder.build();
  }

  public XapiClient client() {
    return client;
  }
}
