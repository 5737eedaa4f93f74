package vn.hocso.xapi.outbox.storage;

import vn.hocso.xapi.stream.StreamedStatement;

/**
 * One outbox row with its statement.
 *
 * @param storedMicros with {@code statementId}, the row's key
 * @param statementId with {@code storedMicros}, the row's key
 * @param statement what goes on the stream
 */
public record OutboxEntry(long storedMicros, String statementId, StreamedStatement statement) {}
