/**
 * Where statements are kept: the narrow {@link vn.hocso.xapi.statements.storage.StatementStore} and
 * its one JDBC implementation, whose SQL runs unchanged on H2 2.x and MySQL/MariaDB.
 */
package vn.hocso.xapi.statements.storage;
