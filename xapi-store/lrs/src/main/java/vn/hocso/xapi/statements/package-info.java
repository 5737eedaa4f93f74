/**
 * The Statement resource (xAPI 2.0 Part 3 §2.1): {@code boundary} speaks HTTP (PUT, POST, GET,
 * queries and their parameters), {@code control} orchestrates validation, the stored clock and
 * voiding, {@code entity} holds the statement as accepted and the query, {@code storage} the narrow
 * {@code StatementStore} and its JDBC implementation for H2 and MySQL/MariaDB.
 */
package vn.hocso.xapi.statements;
