/**
 * The statement stream: every statement the LRS stores, in the order it stored them per actor, for
 * the parts of Học Số that react to learning activity (progress, certificates, reports).
 *
 * <p>The LRS publishes through {@link vn.hocso.xapi.stream.StatementStreamPublisher} after a
 * statement is stored; readers consume through {@link
 * vn.hocso.xapi.stream.StatementStreamSubscriber} and commit once they have applied a batch.
 * Delivery is at least once: a reader must tolerate seeing a statement again (the statement id
 * makes that easy). Two transports, one interface: Kafka ({@code Kafka*} classes, fed by the LRS's
 * outbox relay) and the standard xAPI statements query ({@link
 * vn.hocso.xapi.stream.XapiQueryStatementSubscriber}, for the embedded default without Kafka and
 * for any conformant LRS). Both key statements by {@link vn.hocso.xapi.stream.ActorKeys}. The rest
 * of the platform talks only about the stream.
 */
package vn.hocso.xapi.stream;
