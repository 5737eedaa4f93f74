/**
 * Where documents are kept: the narrow {@link vn.hocso.xapi.documents.storage.DocumentStore} and
 * its JDBC implementation, whose SQL runs unchanged on H2 2.x and MySQL/MariaDB.
 */
package vn.hocso.xapi.documents.storage;
