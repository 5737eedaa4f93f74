/**
 * Our own xAPI client: the HTTP transport to any conformant LRS (xAPI 2.0 Part 3), over the JDK
 * {@link java.net.http.HttpClient}. The statement model is in {@link vn.hocso.xapi.client.model}.
 *
 * <p><b>Dependencies.</b> The jar needs nothing but the JDK and the Jakarta JSON Processing API
 * ({@code jakarta.json-api}, provided scope). At run time a JSON-P <em>implementation</em> must be
 * on the class path: Payara (and any Jakarta EE 10 server) provides one; a plain Java program adds
 * one itself, e.g. {@code org.eclipse.parsson:parsson}.
 *
 * <p><b>Use.</b>
 *
 * <pre>{@code
 * var lrs = XapiClient.builder(URI.create("http://localhost:8080/xapi/"))
 *     .basicAuth(key, secret)
 *     .timeout(Duration.ofSeconds(5))
 *     .build();
 * var statement = Statement.builder().newId() // the id is made here: retries never duplicate
 *     .actor(Agent.account("https://hocso.vn", personAccount))
 *     .verb(Verbs.COMPLETED)
 *     .object(Activity.of(lessonIri))
 *     .context(Context.builder().registration(enrolmentId).build())
 *     .timestamp(Instant.now())
 *     .build();
 * try {
 *   lrs.postStatement(statement);
 * } catch (XapiException e) {
 *   if (e.retryable() || e instanceof XapiAccessDeniedException) {
 *     // keep statement.toJsonString() in a durable queue; send it again later, same id
 *   } else {
 *     // rejected (400, 409): the statement itself is at fault; sending it again will not help
 *   }
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> {@link vn.hocso.xapi.client.XapiUnavailableException}: try again later; {@link
 * vn.hocso.xapi.client.XapiRejectedException} (with {@link
 * vn.hocso.xapi.client.XapiConflictException} and {@link
 * vn.hocso.xapi.client.XapiPreconditionFailedException}): never retry unchanged; {@link
 * vn.hocso.xapi.client.model.InvalidStatementException}: the statement is invalid before it is
 * sent.
 */
package vn.hocso.xapi.client;
