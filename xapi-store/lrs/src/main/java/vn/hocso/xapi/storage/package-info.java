/**
 * The LRS database: its data source (H2 by default, MySQL/MariaDB by configuration), the schema
 * migrations applied at start and the readiness check that proves the database answers.
 */
package vn.hocso.xapi.storage;
