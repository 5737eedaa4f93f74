/**
 * The xAPI statement model (xAPI 2.0 Part 2; 1.0.3 §2 where they differ): immutable records, equal
 * by value, checked when built, with builders for the larger ones. {@link
 * vn.hocso.xapi.client.model.XapiJson} reads and writes them with Jakarta JSON Processing and gives
 * the JSON back as read (see there for the three normalisations); extension values are kept as JSON
 * untouched.
 *
 * <p>What a client can check is checked here, with the rule names of our LRS's validator: exactly
 * one inverse functional identifier per Agent ({@link vn.hocso.xapi.client.model.Ifi} makes two
 * impossible), {@code mailto:} mboxes, absolute IRIs, UUID ids, RFC 5646 language tags, ISO 8601
 * durations and timestamps, score bounds, voiding rules, and context properties only allowed for
 * Activities. What only the LRS knows (is this id taken?) it checks.
 *
 * <p>Absent optional values are {@code null}; lists are never null and are written only when not
 * empty.
 */
package vn.hocso.xapi.client.model;
