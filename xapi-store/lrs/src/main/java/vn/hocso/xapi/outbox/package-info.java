/**
 * The way out of the LRS: every accepted statement goes to the statement stream (Kafka when
 * configured) through a transactional outbox. So far this holds the connection to the stream and
 * its health; the outbox table and relay come with statement intake.
 */
package vn.hocso.xapi.outbox;
