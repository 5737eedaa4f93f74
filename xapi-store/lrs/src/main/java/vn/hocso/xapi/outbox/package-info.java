/**
 * The way out of the LRS: when Kafka is configured, every accepted statement gets an outbox row in
 * the transaction that stores it ({@code storage}), and the relay ({@code control}) publishes the
 * rows in stored order and deletes them once the broker has acknowledged them. Without Kafka there
 * is no outbox: readers follow the statements query instead.
 */
package vn.hocso.xapi.outbox;
